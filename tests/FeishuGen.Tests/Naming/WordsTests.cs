using FeishuGen.Generator.Naming;
using Xunit;

namespace FeishuGen.Tests.Naming;

/// <summary>The word rules: one singulariser and one verb table, for every name FeishuGen makes.</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData("images", "image")]
    [InlineData("eco_background_checks", "eco_background_check")]
    [InlineData("categories", "category")]
    [InlineData("Categories", "Category")]
    [InlineData("address", "address")]
    [InlineData("status", "status")]
    [InlineData("Campus", "Campus")]
    [InlineData("ids", "ids")]
    [InlineData("user", "user")]
    public void A_plural_becomes_singular_and_other_words_stay(string word, string singular)
        => Assert.Equal(singular, Words.Singular(word));

    [Theory]
    [InlineData("GET", true, "get")]
    [InlineData("GET", false, "list")]
    [InlineData("POST", false, "create")]
    [InlineData("PUT", true, "update")]
    [InlineData("PATCH", true, "patch")]
    [InlineData("DELETE", true, "delete")]
    [InlineData("HEAD", true, "head")]
    public void Each_http_method_has_the_sdks_verb(string method, bool oneItem, string verb)
        => Assert.Equal(verb, Words.Verb(method, oneItem));

    [Theory]
    [InlineData("UserList", "User")]
    [InlineData("Members", "Member")]
    [InlineData("Status", "Status")]
    public void The_item_of_a_list_member_is_named_in_the_singular(string list, string item)
        => Assert.Equal(item, Identifiers.Singular(list));

    [Theory]
    [InlineData("/open-apis/im/v1/images", "POST", "im.v1.image.create")]
    [InlineData("/open-apis/im/v1/images/:image_key", "GET", "im.v1.image.get")]
    [InlineData("/open-apis/contact/v3/users", "GET", "contact.v3.user.list")]
    [InlineData("/open-apis/vc/v1/rooms/:room_id", "PATCH", "vc.v1.room.patch")]
    [InlineData("/open-apis/meeting_room/room/update", "POST", "meeting_room.v1.room.update")]
    [InlineData("/open-apis/auth/v3/app_access_token", "POST", "auth.v3.app_access_token.create")]
    [InlineData("/approval/openapi/v2/instance/get", "POST", "approval.v2.instance.get")]
    public void The_url_names_a_call_the_way_the_sdks_name_their_older_apis(string path, string method, string dotted)
        => Assert.Equal(dotted, UrlNames.From(path, method).Dotted);
}
