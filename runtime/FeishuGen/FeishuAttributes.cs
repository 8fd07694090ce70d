using System;

namespace FeishuGen;

/// <summary>Marks a request property that fills a <c>:name</c> placeholder of the URL path.</summary>
/// <param name="name">The placeholder's name on the page.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeishuPathAttribute(string name) : Attribute
{
    /// <summary>The placeholder's name on the page.</summary>
    public string Name { get; } = name;
}

/// <summary>Marks a request property sent as a query parameter.</summary>
/// <param name="name">The parameter's name on the page.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeishuQueryAttribute(string name) : Attribute
{
    /// <summary>The parameter's name on the page.</summary>
    public string Name { get; } = name;
}

/// <summary>Marks a request property sent as a part of a multipart/form-data upload.</summary>
/// <param name="name">The part's name.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FeishuFormPartAttribute(string name) : Attribute
{
    /// <summary>The part's name.</summary>
    public string Name { get; } = name;
}
