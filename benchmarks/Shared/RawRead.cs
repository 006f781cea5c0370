using ExcelDataReader;

namespace CleaNum.Benchmarks;

/// <summary>The reference every reading benchmark is measured against: ExcelDataReader walking every cell of every
/// sheet, nothing else.</summary>
internal static class RawRead
{
    /// <summary>Reads every cell of <paramref name="path"/> and returns how many were not null.</summary>
    public static long EveryCell(string path)
    {
        using var stream = File.OpenRead(path);
        using IExcelDataReader excel = ExcelReaderFactory.CreateReader(stream);
        long n = 0;
        do
        {
            while (excel.Read())
            {
                for (int i = 0; i < excel.FieldCount; i++)
                {
                    n += excel.GetValue(i) is null ? 0 : 1;
                }
            }
        }
        while (excel.NextResult());

        return n;
    }
}
