namespace CleaNum.Core.Domain;

/// <summary>Rôle of an intervenant. <see cref="Both"/> = "Évaluateur et formateur".</summary>
[Flags]
public enum IntervenantRole
{
    None = 0,
    Evaluator = 1,
    Trainer = 2,
    Both = Evaluator | Trainer,
}
