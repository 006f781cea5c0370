namespace CleaNum.Core.Domain;

/// <summary>The four CléA numérique domains; the numeric value is the number used in the workbooks.</summary>
public enum CleaDomain
{
    /// <summary>Identifier son environnement et utiliser les outils associés.</summary>
    Environment = 1,

    /// <summary>Acquérir et exploiter de l'information dans un environnement professionnel numérisé.</summary>
    Information = 2,

    /// <summary>Interagir en mode collaboratif.</summary>
    Collaboration = 3,

    /// <summary>Appliquer les règles et bonnes pratiques de la sécurité numérique.</summary>
    Security = 4,
}
