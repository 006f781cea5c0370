using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;

namespace CleaNum.Worker;

/// <summary>Reads <c>reseau.xlsx</c> from the data folder, again only when the file changed.</summary>
internal sealed class WorkbookRosterSource(DataFolder data, IWorkbookReader reader, INetworkRosterParser parser) : IRosterSource
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Size, NetworkRoster? Roster)? _cached;

    public NetworkRoster? Load(CancellationToken cancellationToken)
    {
        var file = new FileInfo(data.RosterPath);
        if (!file.Exists)
        {
            return null;
        }

        lock (_gate)
        {
            if (_cached is { } cached && cached.WrittenAt == file.LastWriteTimeUtc && cached.Size == file.Length)
            {
                return cached.Roster;
            }

            RawWorkbook raw = reader.Read(file.FullName, NetworkWorkbookSchema.Sheets, cancellationToken);
            NetworkRoster? roster = raw.IsUnreadable ? null : parser.Parse(raw).Roster;
            _cached = (file.LastWriteTimeUtc, file.Length, roster);
            return roster;
        }
    }
}
