using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Export -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CleaNum.Benchmarks.Export.AnnotatedCopyBenchmarks).Assembly).Run(args);
