using Campaigns.Storage;

namespace Campaigns.Host.Api.Keys;

/// <summary>
/// Lets a request through only with a live API key (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>) that holds
/// the endpoint's scope: 401 without a key or with an unknown or revoked one, 403 without the scope. Nothing else
/// (a dashboard session, a cookie) is accepted here, and the dashboard does not look at API keys.
/// </summary>
internal sealed class ApiKeyFilter(string scope) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = Presented(http.Request);
        if (presented is null)
            return Unauthorized("Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>' (create one with the api-key verb).");
        var key = await http.RequestServices.GetRequiredService<IApiKeyStore>().FindAsync(presented, http.RequestAborted);
        if (key is null)
            return Unauthorized("The API key is unknown or revoked.");
        if (!key.Scopes.Contains(scope, StringComparer.Ordinal))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Missing scope",
                detail: $"The API key '{key.Name}' does not have the scope '{scope}'.");
        return await next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization[7..].Trim() is { Length: > 0 } bearer)
            return bearer;
        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }

    private static IResult Unauthorized(string detail)
    {
        var problem = Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required", detail: detail);
        return new WithHeader(problem, "WWW-Authenticate", "Bearer");
    }

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Puts an endpoint behind <see cref="ApiKeyFilter"/>.</summary>
internal static class ApiKeyEndpointExtensions
{
    /// <summary>Requires an API key with <paramref name="scope"/> on an endpoint or on every endpoint of a group.</summary>
    public static TBuilder RequireApiScope<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(new ApiKeyFilter(scope)).WithMetadata(new ApiScopeMetadata(scope));
}

/// <summary>The scope an endpoint needs, for the OpenAPI document.</summary>
internal sealed record ApiScopeMetadata(string Scope);
