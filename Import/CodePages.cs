using System.Text;

namespace CleaNum.Import;

/// <summary>ExcelDataReader needs the legacy code pages (BIFF5 and older, CSV fall-backs): register them once.</summary>
internal static class CodePages
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }
}
