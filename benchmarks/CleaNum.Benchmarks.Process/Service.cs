using System.Diagnostics;
using System.Globalization;

namespace CleaNum.Benchmarks.Process;

/// <summary>`cleanum run` on a fresh data folder: every file of the corpus moved into depot/ at once (renames on the
/// same volume, as a sync client or a file share delivers them), timed until each one is in archives/ or refuses/.</summary>
internal static class Service
{
    public static Sample Drain(Tools tools, string corpus, string roster, string work, int count, TimeSpan stabilityDelay)
    {
        string data = Path.Combine(work, "service-" + Guid.NewGuid().ToString("N")[..8]);
        string staging = data + "-staging";
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(staging);
        File.Copy(roster, Path.Combine(data, "reseau.xlsx"));
        string[] staged = [.. Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal).Select(f =>
        {
            string target = Path.Combine(staging, Path.GetFileName(f));
            File.Copy(f, target);
            return target;
        })];

        var environment = new Dictionary<string, string>
        {
            ["CLEANUM__CleaNum__Inbox__StabilityDelay"] = stabilityDelay.ToString("c", CultureInfo.InvariantCulture),
            ["CLEANUM__Web__Urls"] = "Off", // no dashboard (once there is one): nothing listens on a port
        };
        try
        {
            using var started = new ManualResetEventSlim();
            using ChildProcess service = ChildProcess.Start(tools.Cleanum, ["run", "--data", data], environment);
            service.Line += line =>
            {
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    started.Set();
                }
            };
            if (!started.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException("cleanum run did not start within 60 s");
            }

            var drain = Stopwatch.StartNew();
            string depot = Path.Combine(data, "depot");
            foreach (string file in staged)
            {
                File.Move(file, Path.Combine(depot, Path.GetFileName(file)));
            }

            while (Corpus.Finished(data) < count)
            {
                if (drain.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException($"{Corpus.Finished(data)} of {count} files finished after 10 minutes");
                }

                Thread.Sleep(25);
            }

            drain.Stop();
            service.Terminate();
            Sample sample = service.WaitForExit(0, drain.Elapsed);
            Corpus.ExpectFinished(data, count);
            return sample;
        }
        finally
        {
            Leftovers.Add(data);
            Leftovers.Add(staging);
        }
    }
}
