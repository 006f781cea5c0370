namespace CleaNum.Worker.Ingest;

/// <summary>Why a file could not be finished now. None of these is the file's fault: it is never refused for them.</summary>
internal enum DeferralReason
{
    /// <summary>The file could not be moved out of <c>depot/</c> (folder not writable, name the system refuses…): it
    /// is reported once and left where it is.</summary>
    NotMovable,

    /// <summary>The file changed after it was claimed, or it is unreadable less than
    /// <see cref="Service.InboxOptions.UnreadableGrace"/> after its last change: still being written, back to
    /// <c>depot/</c>.</summary>
    StillBeingWritten,

    /// <summary>Its submission is stored but its report or its move failed (disk full, folder not writable): it waits
    /// in <c>depot/</c> and is finished later, never moved to <c>refuses/</c> for that.</summary>
    FinishPending,
}

/// <summary>Thrown by <see cref="IngestPipeline"/> when a file must wait; the file is back where it came from.</summary>
internal sealed class IngestDeferredException : Exception
{
    public IngestDeferredException()
    {
    }

    public IngestDeferredException(string message)
        : base(message)
    {
    }

    public IngestDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IngestDeferredException(DeferralReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public DeferralReason Reason { get; }
}
