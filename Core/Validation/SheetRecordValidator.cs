using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using FluentValidation;
using FvSeverity = FluentValidation.Severity;

namespace CleaNum.Core.Validation;

/// <summary>
/// Base of the record validators: one REQUIRED rule per required field and one format rule per typed field of the
/// sheet definition, plus helpers for the rules each sheet adds. Every failure carries its rules.md code in
/// <c>ValidationFailure.ErrorCode</c>, the field key as property name and the located <see cref="Issue"/> in
/// <c>ValidationFailure.CustomState</c> (read back by <see cref="IssueFailures.ToIssue"/>).
/// </summary>
internal abstract class SheetRecordValidator<T> : AbstractValidator<T>
    where T : SheetRecord
{
    /// <param name="definition">The sheet whose fields get the generic rules.</param>
    /// <param name="customRequired">Fields whose REQUIRED rule the subclass writes itself.</param>
    /// <param name="customFormat">Fields whose format rule the subclass writes itself.</param>
    protected SheetRecordValidator(SheetDefinition definition, IReadOnlyCollection<string>? customRequired = null, IReadOnlyCollection<string>? customFormat = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (FieldDefinition field in definition.Fields)
        {
            if (field.Required && customRequired?.Contains(field.Key) != true)
            {
                RequiredRule(field.Key);
            }

            if (ParseOutcome.HasParser(field.Format) && customFormat?.Contains(field.Key) != true)
            {
                FormatRule(field.Key);
            }
        }
    }

    /// <summary>REQUIRED when the cell is blank and the field was located (or, when given, <paramref name="when"/> holds).</summary>
    protected void RequiredRule(string key, Func<T, bool>? when = null, Func<T, string>? message = null)
    {
        Func<T, string> text = message ?? (r => IssueMessages.Required(r.Field(key), r.Cell(key)?.Error));
        RuleFor(r => r.Cell(key))
            .Must((r, _) => !(when is null ? r.IsFound(key) : when(r)) || !r.IsBlank(key))
            .WithErrorCode(IssueCodes.Required)
            .WithMessage((r, _) => text(r))
            .WithState((r, _) => r.Issue(IssueCodes.Required, key, text(r), r.Cell(key)?.Error))
            .WithSeverity(FvSeverity.Error)
            .OverridePropertyName(key);
    }

    /// <summary>The code of the field's parser (<see cref="SheetRecord.Parsed"/>, codes of <see cref="Parsing.CellParsers"/>)
    /// on a non-blank cell.</summary>
    protected void FormatRule(string key) =>
        IssueRule(key, (r, cell) =>
        {
            if (r.Parsed(key) is not { Code: { } code } outcome)
            {
                return [];
            }

            if (cell is { Error: { } error } && !r.Field(key).Required)
            {
                cell = new Cell(cell.Row, cell.Column, error); // the error text is what the member sees and what was parsed
            }

            string value = Parsing.CellParsers.Text(cell) ?? "";
            return [r.Issue(code, key, IssueMessages.ForParse(code, r.Field(key), value, outcome.Detail), value)];
        });

    /// <summary>A rule whose code depends on the value (parser verdicts, address checks): the failures carry the
    /// codes of the issues <paramref name="check"/> returns.</summary>
    protected void IssueRule(string key, Func<T, Cell?, IEnumerable<Issue>> check) =>
        RuleFor(r => r.Cell(key))
            .Custom((cell, context) =>
            {
                foreach (Issue issue in check(context.InstanceToValidate, cell))
                {
                    context.AddFailure(IssueFailures.ToFailure(key, issue, cell?.Value));
                }
            });

    /// <summary>A fixed-code rule: fails when <paramref name="isValid"/> is false.</summary>
    protected void FixedRule(string key, string code, Func<T, bool> isValid, Func<T, string> message, Func<T, string?>? hint = null, Func<T, string?>? value = null)
    {
        IssueDefinition definition = IssueCatalog.Get(code);
        RuleFor(r => r.Cell(key))
            .Must((r, _) => isValid(r))
            .WithErrorCode(code)
            .WithMessage((r, _) => message(r))
            .WithState((r, _) => r.Issue(code, key, message(r), value?.Invoke(r) ?? r.Text(key), hint?.Invoke(r)))
            .WithSeverity(IssueFailures.ToFluent(definition.DefaultSeverity))
            .OverridePropertyName(key);
    }
}
