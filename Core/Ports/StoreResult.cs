using CleaNum.Core.Domain;

namespace CleaNum.Core.Ports;

/// <summary>Outcome of storing a submission: the stored submission (with Id and Version assigned), or, when a
/// byte-identical file was already stored (same sha256, possibly by a concurrent writer), that earlier submission with
/// <see cref="IsDuplicate"/> set.</summary>
public sealed record StoreResult(Submission Submission, bool IsDuplicate);
