using System.Text;
using CleaNum.Worker.Cli;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
return await CleaNumCommandLine.RunAsync(args, Console.Out, Console.Error);
