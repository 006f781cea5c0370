namespace CleaNum.Core.Parsing;

/// <summary>python-stdnum's outcomes: valid, InvalidFormat, InvalidLength, InvalidChecksum.</summary>
public enum IdentifierVerdict
{
    Valid = 0,
    InvalidFormat = 1,
    InvalidLength = 2,
    InvalidChecksum = 3,
}
