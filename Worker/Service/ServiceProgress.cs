namespace CleaNum.Worker.Service;

/// <summary>"Fichiers traités : 3 / 10" on stderr when it is an interactive terminal; nothing when redirected (a service,
/// a pipe, a log file).</summary>
internal sealed class ServiceProgress(int total) : IDisposable
{
    private readonly bool _interactive = total > 1 && !Console.IsErrorRedirected;
    private int _done;

    public void Advance()
    {
        _done++;
        if (_interactive)
        {
            Console.Error.Write($"\rFichiers traités : {_done} / {total}");
        }
    }

    public void Dispose()
    {
        if (_interactive && _done > 0)
        {
            Console.Error.WriteLine();
        }
    }
}
