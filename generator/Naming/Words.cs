namespace FeishuGen.Generator.Naming;

/// <summary>
/// The two word rules every name in FeishuGen follows: one singulariser (for resources named
/// from plural URL segments and for the item records of list members) and one table from HTTP
/// methods to the SDKs' verbs.
/// </summary>
internal static class Words
{
    /// <summary>
    /// An English-ish singular, on snake_case or PascalCase words alike: <c>categories</c> →
    /// <c>category</c>, <c>images</c> → <c>image</c>; <c>-ss</c> and <c>-us</c> words
    /// (<c>address</c>, <c>status</c>) and words of three letters or fewer stay as they are.
    /// </summary>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", System.StringComparison.Ordinal) && word.Length > 4)
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        if (word.EndsWith("s", System.StringComparison.Ordinal) && !word.EndsWith("ss", System.StringComparison.Ordinal)
            && !word.EndsWith("us", System.StringComparison.Ordinal) && word.Length > 3)
        {
            return word.Substring(0, word.Length - 1);
        }

        return word;
    }

    /// <summary>
    /// The SDKs' verb for an HTTP method: GET of one item (the path ends with a parameter) is
    /// <c>get</c> and of a collection <c>list</c>; POST <c>create</c>, PUT <c>update</c>, PATCH
    /// <c>patch</c>, DELETE <c>delete</c>; any other method is its own name.
    /// </summary>
    public static string Verb(string httpMethod, bool oneItem) => httpMethod switch
    {
        "GET" => oneItem ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => "delete",
        _ => httpMethod.ToLowerInvariant(),
    };
}
