using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using FeishuGen.Json;

namespace FeishuGen;

/// <summary>
/// One call as a generated method builds it: the endpoint, the expanded path, the query
/// parameters and a writer for the JSON body. The client adds the host, the token and the rest.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeishuApiCall
{
    // Made on the first query parameter: most calls have none.
    private List<KeyValuePair<string, string>>? _query;
    private object? _body;
    private IFeishuJsonBody? _bodyJson;

    /// <summary>Creates a call of <paramref name="endpoint"/> to <paramref name="path"/> (placeholders already filled).</summary>
    /// <param name="endpoint">The catalogue entry of the endpoint.</param>
    /// <param name="path">The path with its parameters filled in and escaped.</param>
    public FeishuApiCall(FeishuEndpoint endpoint, string path)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The catalogue entry: HTTP method, tokens, documented errors.</summary>
    public FeishuEndpoint Endpoint { get; }

    /// <summary>The path, e.g. <c>/open-apis/hire/v1/eco_background_checks/update_result</c>.</summary>
    public string Path { get; }

    /// <summary>The query parameters in order; arrays repeat their key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Writes the JSON body; null when the call has none.</summary>
    public Action<Utf8JsonWriter>? JsonBody { get; set; }

    /// <summary>
    /// Sets the JSON body to a generated record, written by its shape when the request is built;
    /// unlike <see cref="JsonBody"/>, this costs no closure per call.
    /// </summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="value">The record.</param>
    /// <param name="shape">Its JSON metadata.</param>
    public void SetJsonBody<T>(T value, FeishuJsonShape<T> shape)
        where T : class
    {
        _body = value ?? throw new ArgumentNullException(nameof(value));
        _bodyJson = shape ?? throw new ArgumentNullException(nameof(shape));
    }

    internal bool HasJsonBody => JsonBody is not null || _bodyJson is not null;

    internal void WriteJsonBody(Utf8JsonWriter writer)
    {
        if (_bodyJson is not null)
        {
            _bodyJson.Write(writer, _body!);
        }
        else
        {
            JsonBody?.Invoke(writer);
        }
    }

    /// <summary>The parts of a multipart/form-data upload; null when the call is not an upload.</summary>
    public FeishuFormData? Form { get; set; }

    /// <summary>
    /// Whether the call can be sent again: JSON calls can, uploads only when every file stream can
    /// seek back to where it started.
    /// </summary>
    internal bool CanReplay()
    {
        if (Form is null)
        {
            return true;
        }

        foreach (var part in Form)
        {
            if (part.Value is FeishuFile { Content.CanSeek: false })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a query parameter unless <paramref name="value"/> is null.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new()).Add(new(name, value));
        }
    }

    /// <summary>Adds an integer query parameter unless it is null.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, long? value)
    {
        if (value is { } v)
        {
            (_query ??= new()).Add(new(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Adds a number query parameter unless it is null.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, double? value)
    {
        if (value is { } v)
        {
            (_query ??= new()).Add(new(name, v.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Adds a boolean query parameter (<c>true</c>/<c>false</c>) unless it is null.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, bool? value)
    {
        if (value is { } v)
        {
            (_query ??= new()).Add(new(name, v ? "true" : "false"));
        }
    }

    /// <summary>Adds the key once per value (<c>?id=a&amp;id=b</c>), as Feishu reads query arrays.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The values.</param>
    public void AddQuery(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            AddQuery(name, value);
        }
    }

    /// <summary>Adds the key once per integer value.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The values.</param>
    public void AddQuery(string name, IEnumerable<long>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            AddQuery(name, value);
        }
    }

    /// <summary>The path and query as sent, e.g. <c>/open-apis/x?user_id_type=open_id</c>.</summary>
    public string PathAndQuery()
    {
        if (_query is null || _query.Count == 0)
        {
            return Path;
        }

        var builder = new System.Text.StringBuilder(Path).Append('?');
        for (var i = 0; i < _query.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
        }

        return builder.ToString();
    }
}
