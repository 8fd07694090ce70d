namespace FeishuGen.Generator.Model;

/// <summary>
/// Everything one event page (<c>## 事件</c>, <c>### 事件体</c>) says about one event, as plain
/// values: its type as it travels (<c>im.message.receive_v1</c>, or <c>approval_instance</c> for
/// schema 1.0 events), the 事件体 table (the whole envelope: schema, header, event…) and the
/// example. Like <see cref="EndpointModel"/>, it holds no line number.
/// </summary>
internal sealed record EventModel(
    string SpecPath,
    string Title,
    string Description,
    string EventType,
    bool LegacySchema,
    EquatableArray<ScopeModel> Scopes,
    EquatableArray<FieldModel> BodyFields,
    string? Example);
