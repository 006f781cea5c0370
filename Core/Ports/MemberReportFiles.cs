namespace CleaNum.Core.Ports;

/// <summary>Paths written by the member report writer (annotated copy only for .xlsx/.xlsm input that could be read).</summary>
public sealed record MemberReportFiles(string ReportPath, string? AnnotatedPath);
