using System.Text;

namespace CleaNum.Worker.Web;

/// <summary><c>cleanum mot-de-passe</c>: reads the dashboard password (typed without echo, or from standard input when
/// piped) and prints the hash to put in <c>Web:PasswordHash</c>. The password itself is never stored.</summary>
internal static class PasswordCommand
{
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        string? password = Console.IsInputRedirected || !ReferenceEquals(input, Console.In) ? input.ReadLine() : ReadHidden(error);
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("Erreur : aucun mot de passe lu (tapez-le, ou passez-le sur l'entrée standard).");
            return ExitCodes.Failure;
        }

        output.WriteLine(PasswordHasher.Hash(password));
        error.WriteLine("Placez cette empreinte dans Web:PasswordHash (ou CLEANUM__Web__PasswordHash) avec Web:Auth = Password.");
        return ExitCodes.Ok;
    }

    private static string ReadHidden(TextWriter error)
    {
        error.Write("Mot de passe du tableau de bord : ");
        var password = new StringBuilder();
        for (ConsoleKeyInfo key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        error.WriteLine();
        return password.ToString();
    }
}
