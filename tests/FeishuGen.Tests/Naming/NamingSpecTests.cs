using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Shaping;
using Xunit;

namespace FeishuGen.Tests.Naming;

/// <summary>Every name FeishuGen makes, as a specification: endpoints, claims between pages, members, events and files.</summary>
public sealed class NamingSpecTests
{
    private static SdkNaming Sdk(string dotted, NameSource source = NameSource.PythonSample)
    {
        var parts = dotted.Split('.');
        return new SdkNaming(parts[0], parts[1], parts[2], parts[3], source);
    }

    [Fact]
    public void An_endpoint_is_named_after_the_sdk_call_in_pascal_case()
    {
        var names = EndpointNames.For(Sdk("hire.v1.eco_background_check.update_result"), "FeishuGen.Api");

        Assert.Equal("FeishuGen.Api.Hire.V1", names.Namespace);
        Assert.Equal(("EcoBackgroundCheckApi", "UpdateResultAsync"), (names.ResourceClass, names.MethodName));
        Assert.Equal("global::FeishuGen.Api.Hire.V1.UpdateResultEcoBackgroundCheckRequest", names.RequestType.Global);
        Assert.Equal("UpdateResultEcoBackgroundCheckResponse", names.ResponseType.Name);
        Assert.Equal("UpdateResultEcoBackgroundCheckErrors", names.ErrorsClass.Name);
        Assert.Equal("HireV1EcoBackgroundCheckUpdateResult", names.EntryName);
        Assert.Equal(("FeishuGen.Api.Hire.HireService", "FeishuGen.Api.Hire.V1.HireV1Service"), (names.ServiceGroup.Full, names.VersionGroup.Full));
    }

    [Theory]
    [InlineData("GET", 2, "get_data_validation", "GetDataValidationAsync")]
    [InlineData("POST", 2, "create_data_validation", "CreateDataValidationAsync")]
    [InlineData("DELETE", 2, "delete_data_validation", "DeleteDataValidationAsync")]
    public void A_renamed_endpoint_takes_its_http_verb_first(string method, int n, string wire, string csharp)
    {
        var names = EndpointNames.For(Sdk("sheets.v2.spreadsheet.data_validation"), "R").Renumbered(method, n);

        Assert.Equal((wire, csharp), (names.Naming.Method, names.MethodName));
        Assert.Equal("R.Sheets.V2." + csharp.Replace("Async", string.Empty) + "SpreadsheetRequest", names.RequestType.Full);
    }

    [Fact]
    public void A_renamed_endpoint_whose_method_starts_with_the_verb_gets_a_number()
        => Assert.Equal("get_list2", EndpointNames.For(Sdk("a.v1.b.get_list"), "R").Renumbered("GET", 2).Naming.Method);

    [Fact]
    public void Two_pages_of_one_endpoint_generate_it_once_and_the_second_says_so()
    {
        var claim = new NameClaim("/p/a.md", Sdk("demo.v1.note.create"), "POST", "/open-apis/demo/v1/notes");

        var names = NameClaims.Resolve(new[] { claim with { SpecPath = "/p/b.md" }, claim }, "R");

        Assert.Equal("/p/a.md", Assert.Single(names.Endpoints).SpecPath);
        Assert.Equal(new[] { ("FSG0009", "/p/a.md"), ("FSG0009", "/p/b.md") }, names.Diagnostics.Select(d => (d.Id, d.FilePath)));
        Assert.Equal(("/p/b.md", "/p/a.md"), (Assert.Single(names.Clashes).Dropped, names.Clashes[0].Kept));
        Assert.Null(names.For("/p/b.md"));
    }

    [Fact]
    public void The_page_whose_url_agrees_with_a_claimed_name_keeps_it_whatever_the_file_names()
    {
        var agrees = new NameClaim("/p/z.md", Sdk("demo.v1.note.get"), "GET", "/open-apis/demo/v1/notes/:note_id");
        var other = new NameClaim("/p/a.md", Sdk("demo.v1.note.get"), "GET", "/open-apis/demo/v1/notes/:note_id/history");

        var names = NameClaims.Resolve(new[] { other, agrees }, "R");

        Assert.Equal("GetAsync", names.For("/p/z.md")!.Names.MethodName);
        Assert.Equal("Get2Async", names.For("/p/a.md")!.Names.MethodName);
        Assert.Equal(new[] { "FSG0014", "FSG0014" }, names.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Names_guessed_from_urls_that_collide_are_a_note_not_a_warning()
    {
        var first = new NameClaim("/p/a.md", Sdk("demo.v1.note.create", NameSource.Url), "POST", "/open-apis/demo/v1/notes");
        var second = new NameClaim("/p/b.md", Sdk("demo.v1.note.create", NameSource.Url), "PUT", "/open-apis/demo/v1/notes");

        Assert.All(NameClaims.Resolve(new[] { first, second }, "R").Diagnostics, d => Assert.Equal("FSG0015", d.Id));
    }

    [Fact]
    public void Error_codes_become_constants_named_from_english_descriptions_else_by_code_and_each_code_once()
    {
        var errors = new[]
        {
            new ErrorCodeModel(400, 1250001, "record not found", "检查 ID"),
            new ErrorCodeModel(400, 1250002, "记录不存在", string.Empty),
            new ErrorCodeModel(500, 1250001, "record not found", "again"),
            new ErrorCodeModel(400, 99999999999, "too big for int", string.Empty),
            new ErrorCodeModel(400, 1250003, "All", string.Empty),
        };

        var constants = MemberNames.ErrorConstants(errors, "CreateNoteErrors");

        Assert.Equal(new[] { "RecordNotFound", "Code1250002", "All2" }, constants.Select(c => c.Name));
    }

    [Fact]
    public void Documented_values_become_constants_of_strings_or_integers_only()
    {
        PropertySpec Property(TypeRef type, params (string Value, string Label)[] values)
            => new("Kind", "kind", type, false, ParameterLocation.Body, string.Empty, null, null,
                values.Select(v => new AllowedValue(v.Value, v.Label)).ToEquatableArray(), EquatableArray<ValidationRule>.Empty);

        var strings = MemberNames.ValueConstants(Property(TypeRef.String, ("open_id", "用户 ID"), ("2", "第二"), ("open_id", "again")))!;
        var integers = MemberNames.ValueConstants(Property(TypeRef.ListOf(TypeRef.Int64), ("1", "Active"), ("x", "not a number")))!;

        Assert.Equal(("KindValues", "string"), (strings.ClassName, strings.Type));
        Assert.Equal(new[] { ("OpenId", "open_id"), ("Value2", "2") }, strings.Values.Select(v => (v.Name, v.Value)));
        Assert.Equal(new[] { ("Active", "1") }, integers.Values.Select(v => (v.Name, v.Value)));
        Assert.Null(MemberNames.ValueConstants(Property(TypeRef.Boolean, ("true", "是"))));
    }

    [Theory]
    [InlineData("Text：文本", "Text")]
    [InlineData("- active - 启用", "active")]
    [InlineData("1 - active", "active")]
    [InlineData("在线(online)", "online")]
    [InlineData("文本（text）", "text")]
    [InlineData("COUNTRY（国家）", "Country")]
    [InlineData("sip用户", "sip")]
    [InlineData("HR 寻访", "HR")]
    [InlineData("Visual Basic", "Visual Basic")]
    [InlineData("高亮块 Block", null)]
    [InlineData("通过开放平台以user_access_token授权创建的任务", null)]
    [InlineData("未知", null)]
    [InlineData("C++", null)]
    public void A_label_gives_its_english_or_identifier_like_word(string label, string? word)
        => Assert.Equal(word, ValueLabels.Word(label));

    [Fact]
    public void Numeric_values_are_named_from_their_labels_uniquely_and_by_number_where_the_label_gives_no_word_or_the_same_word_as_another()
    {
        var property = new PropertySpec("Status", "status", TypeRef.Int64, false, ParameterLocation.Body, string.Empty, null, null,
            new[] { ("0", "Text：文本"), ("1", "1 - active"), ("2", "在线(online)"), ("3", "未知"), ("4", "neo单品用户"), ("5", "neo单品游客用户"), ("6", "StatusValues") }
                .Select(v => new AllowedValue(v.Item1, v.Item2)).ToEquatableArray(), EquatableArray<ValidationRule>.Empty);

        var constants = MemberNames.ValueConstants(property)!;

        Assert.Equal(
            new[] { ("Text", "0"), ("Active", "1"), ("Online", "2"), ("Value3", "3"), ("Value4", "4"), ("Value5", "5"), ("StatusValues2", "6") },
            constants.Values.Select(v => (v.Name, v.Value)));
    }

    [Fact]
    public void The_property_that_keeps_undocumented_members_steers_clear_of_the_records_own()
    {
        var own = new[] { new PropertySpec("AdditionalProperties", "additional_properties", TypeRef.String, false, ParameterLocation.Body, string.Empty, null, null, EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty) };

        Assert.Equal("AdditionalProperties", MemberNames.UnknownMembers("Note", new List<PropertySpec>()));
        Assert.Equal("UnknownAdditionalProperties", MemberNames.UnknownMembers("Note", own));
    }

    [Fact]
    public void Paging_methods_are_written_once_per_class()
    {
        var taken = new HashSet<string> { "ListAsync", "ListItemsAsync" };

        Assert.Equal(("ListPagesAsync", true, (string?)null), MemberNames.PagingMethods("ListAsync", hasItems: true, taken));
        Assert.Equal(("ListPagesAsync", false, (string?)null), MemberNames.PagingMethods("ListAsync", hasItems: false, taken));
    }

    [Fact]
    public void An_event_is_named_like_the_official_sdks_handlers()
    {
        var names = EventNames.For("im.message.receive_v1", "FeishuGen.Api");

        Assert.Equal(("ImMessageReceiveV1", "OnImMessageReceiveV1"), (names.Name, names.MethodName));
        Assert.Equal("FeishuGen.Api.Im.Events.ImMessageReceiveV1Event", names.BodyType.Full);
    }

    [Fact]
    public void A_file_is_named_by_the_namespace_below_the_root_and_numbered_when_names_differ_only_in_case()
    {
        Assert.Equal("Hire.V1.UpdateResultRequest.g.cs", HintNames.For("FeishuGen.Api", "FeishuGen.Api.Hire.V1", "UpdateResultRequest"));
        Assert.Equal("FeishuApi.g.cs", HintNames.For("FeishuGen.Api", "FeishuGen.Api", "FeishuApi"));

        var unique = HintNames.Unique(new[] { "A.WebApp.g.cs", "A.Webapp.g.cs", "A.Wéb.g.cs" }, h => h, (_, h) => h);

        Assert.Equal(new[] { "A.WebApp.g.cs", "A.Webapp_2.g.cs", "A.W_b.g.cs" }, unique);
    }
}
