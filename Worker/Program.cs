using System.Text;
using CleaNum.Worker.Cli;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
// What the service creates (database, reports, annexes, folders) is readable by its own account only: 0640 / 0750.
CleaNum.Worker.NativeFiles.RestrictUmask(0b000_010_111); // 027 in octal
return await CleaNumCommandLine.RunAsync(args, Console.Out, Console.Error);
