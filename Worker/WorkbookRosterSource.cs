using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Core.Validation;
using CleaNum.Core.Workbook;

namespace CleaNum.Worker;

/// <summary>Reads <c>reseau.xlsx</c> from the data folder, again only when the file changed.</summary>
internal sealed class WorkbookRosterSource(DataFolder data, IWorkbookReader reader, INetworkRosterParser parser) : IRosterSource
{
    private readonly Lock _gate = new();
    private (FileStamp Stamp, NetworkRoster? Roster)? _cached;

    public NetworkRoster? Load(CancellationToken cancellationToken)
    {
        var file = new FileInfo(data.RosterPath);
        var stamp = FileStamp.Of(file);
        if (!stamp.Exists)
        {
            return null;
        }

        lock (_gate)
        {
            if (_cached is { } cached && cached.Stamp == stamp)
            {
                return cached.Roster;
            }

            RawWorkbook raw = reader.Read(file.FullName, NetworkWorkbookSchema.Sheets, cancellationToken);
            NetworkRoster? roster = raw.IsUnreadable ? null : parser.Parse(raw).Roster;
            _cached = (stamp, roster);
            return roster;
        }
    }
}
