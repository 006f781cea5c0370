using CleaNum.Core.Domain;

namespace CleaNum.Worker;

/// <summary>The roster (<c>reseau.xlsx</c>) of the data folder, when there is one.</summary>
internal interface IRosterSource
{
    NetworkRoster? Load(CancellationToken cancellationToken);
}
