using System.Runtime.ExceptionServices;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>_CallbackExceptionHelper</c>: an exception thrown by an application callback (verify, keylog,
/// server name) cannot cross the engine, so it is parked here and rethrown, unchanged, by the facade call that was
/// running — after the engine has failed the handshake where that matters (a verify callback's exception counts as
/// "reject").
/// </summary>
internal sealed class ConnectionHooks
{
    private ExceptionDispatchInfo? _problem;

    /// <summary>Runs an application callback, parking the first exception it throws.</summary>
    /// <param name="callback">The callback.</param>
    public void Run(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            // Any exception: it belongs to the application and is rethrown as-is by ThrowIfProblem.
            _problem ??= ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>Rethrows a parked exception, once.</summary>
    public void ThrowIfProblem()
    {
        ExceptionDispatchInfo? problem = _problem;
        _problem = null;
        problem?.Throw();
    }
}
