namespace FeishuGen.Generator.Model;

/// <summary>
/// A path, query or body parameter as the page's table describes it. <see cref="Type"/> is the
/// page's own spelling (<c>string</c>, <c>integer</c>, <c>undefined[]</c>, <c>name[]</c>...);
/// <see cref="Shape"/> is the 类型额外说明 definition the field's values follow, when it has one.
/// </summary>
internal sealed record FieldModel(
    string Name,
    string Type,
    bool Required,
    string Description,
    string? Example,
    string? Default,
    EquatableArray<AllowedValue> AllowedValues,
    EquatableArray<ValidationRule> Rules,
    TypeDefinition? Shape);

/// <summary>One documented value of a field (可选值) with its label.</summary>
internal sealed record AllowedValue(string Value, string Label);

/// <summary>One 数据校验规则 entry, e.g. 最大长度 = 100.</summary>
internal sealed record ValidationRule(string Kind, string Value);

/// <summary>
/// A named type from the 类型额外说明 tree. Nested properties carry only name and type on the
/// page; <see cref="TypeProperty.Child"/> holds the definition an object or array property uses.
/// </summary>
internal sealed record TypeDefinition(string Name, EquatableArray<TypeProperty> Properties);

/// <summary>
/// A property inside a <see cref="TypeDefinition"/>: <c>object</c> and <c>array</c> point at a child
/// definition. <see cref="Description"/> and <see cref="AllowedValues"/> are the nested row's 描述 where the table has one (the
/// portal and Markdown forms, event bodies); the cleaned form's tree has none. <see cref="Required"/>: the
/// nested row's 必填 says so (request tables of the portal and Markdown forms; the cleaned form's tree has no flag).
/// </summary>
internal sealed record TypeProperty(string Name, string Type, TypeDefinition? Child, string Description = "", EquatableArray<AllowedValue> AllowedValues = default, bool Required = false);
