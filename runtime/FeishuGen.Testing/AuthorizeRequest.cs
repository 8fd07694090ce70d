using System;
using System.Collections.Generic;
using System.Linq;

namespace FeishuGen.Testing;

/// <summary>The query of Feishu's authorize page (/open-apis/authen/v1/authorize), carried through the consent form.</summary>
internal sealed record AuthorizeRequest(string ClientId, string RedirectUri, string Scope, string? State, string? CodeChallenge, string? CodeChallengeMethod)
{
    public static readonly string[] Fields = { "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method" };

    public IEnumerable<string> Scopes => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static AuthorizeRequest From(Func<string, string?> field) => new(
        field("client_id") ?? string.Empty,
        field("redirect_uri") ?? string.Empty,
        field("scope") ?? string.Empty,
        field("state"),
        field("code_challenge"),
        field("code_challenge_method"));

    public string? Field(string name) => name switch
    {
        "client_id" => ClientId,
        "redirect_uri" => RedirectUri,
        "scope" => Scope,
        "state" => State,
        "code_challenge" => CodeChallenge,
        "code_challenge_method" => CodeChallengeMethod,
        _ => null,
    };

    /// <summary>The scopes the user grants: those asked for, less those withheld.</summary>
    public string GrantedScope(IReadOnlyCollection<string> withheld) => string.Join(' ', Scopes.Where(s => !withheld.Contains(s)).Distinct(StringComparer.Ordinal));

    /// <summary>Where the browser goes back to, with the code or the error, and the state.</summary>
    public string Redirect(string name, string value)
    {
        var query = name + "=" + Uri.EscapeDataString(value) + (State is null ? string.Empty : "&state=" + Uri.EscapeDataString(State));
        var hash = RedirectUri.IndexOf('#', StringComparison.Ordinal);
        var (head, fragment) = hash < 0 ? (RedirectUri, string.Empty) : (RedirectUri[..hash], RedirectUri[hash..]);
        return head + (head.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query + fragment;
    }
}
