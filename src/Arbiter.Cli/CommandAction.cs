using System.CommandLine;
using Arbiter.Cli.Output;
using Arbiter.Model;

namespace Arbiter.Cli;

/// <summary>
/// Runs a command's action and turns failures into exit codes: bad input prints its message (and every diagnostic as
/// <c>file:line:column: message</c>) on standard error and exits 2; anything unexpected prints one short line and exits 3.
/// With <c>--json</c> the error is also written to standard output as a JSON document.
/// </summary>
internal static class CommandAction
{
    public static void Set(Command command, CliContext context, Option<bool> json, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var asJson = parseResult.GetValue(json);
            try
            {
                return await action(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (CliInputException ex)
            {
                await ErrorOutput.WriteAsync(context, asJson, ex.Message, ex.Diagnostics).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ModelValidationException ex)
            {
                await ErrorOutput.WriteAsync(context, asJson, "the model is invalid", ex.Diagnostics).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ArbiterStorageException ex)
            {
                await ErrorOutput.WriteAsync(context, asJson, "storage error" + (ex.IsTransient ? " (transient: retrying may help)" : string.Empty) + ": " + ex.Message, []).ConfigureAwait(false);
                return ExitCodes.StorageError;
            }
            catch (ArbiterException ex)
            {
                await ErrorOutput.WriteAsync(context, asJson, ex.Message, []).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("arbiter: cancelled").ConfigureAwait(false);
                return ExitCodes.Unexpected;
            }
#pragma warning disable CA1031 // The CLI's last resort: one short line and exit 3, never a stack trace.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await context.Error.WriteLineAsync($"arbiter: unexpected error ({ex.GetType().Name}): {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Unexpected;
            }
        });
    }
}
