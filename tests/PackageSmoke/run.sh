#!/usr/bin/env bash
# The new-user path, checked on every CI run: pack FeishuGen, FeishuGen.Bots, FeishuGen.Testing, FeishuGen.AspNetCore,
# FeishuGen.Redis and FeishuGen.AspNetCore.Authentication into a local feed, create a fresh project outside
# the solution with only PackageReferences and a specs/ folder (the seed page, one more and an event page),
# build it, call the endpoints against the local server, receive an event through MapFeishuWebhook, see the
# long connection replace a silent socket and sign a user in with AddFeishu(); build and run the bot program
# of docs/bots.md from the packages; then install the feishugen tool from the same feed and check the pages
# with it; last, build every C# block of the docs against the same packages and run the complete programs
# (tests/DocSnippets).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-smoke.$(date +%s)"
feed="$work/feed"
app="$work/app"

echo "== packing FeishuGen $version into $feed"
dotnet pack "$repo/FeishuGen.sln" -c Release -o "$feed" -p:Version="$version" -nologo -v quiet

mkdir -p "$app/specs/drafts"
cp "$repo/specs/回传背调订单的最终结果.md" "$app/specs/"
cp "$repo/specs/消息/下载图片.md" "$app/specs/"
cp "$repo/specs/消息/接收消息.md" "$app/specs/"
# A page left out with FeishuGenExclude: it must not become an endpoint.
cp "$repo/specs/群组/获取群列表.md" "$app/specs/drafts/"
cp "$repo/tests/PackageSmoke/Program.cs.template" "$app/Program.cs"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="feishugen-local" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$app/SmokeApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <FeishuGenExclude>specs/drafts/**</FeishuGenExclude>
    <!-- Written to obj/, so the check below can read the version the generated code is stamped with. -->
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FeishuGen" Version="$version" />
    <PackageReference Include="FeishuGen.Testing" Version="$version" />
    <PackageReference Include="FeishuGen.AspNetCore" Version="$version" />
    <PackageReference Include="FeishuGen.Redis" Version="$version" />
    <PackageReference Include="FeishuGen.AspNetCore.Authentication" Version="$version" />
  </ItemGroup>
</Project>
XML

echo "== building and running a fresh project in $app"
output=$(cd "$app" && dotnet run -nologo 2>&1) || { echo "$output"; exit 1; }
echo "$output"
echo "$output" | grep -q "package smoke: 2 endpoints from specs/" || { echo "the generated client did not come from the package" >&2; exit 1; }
echo "$output" | grep -q "package smoke: silent socket replaced after" || { echo "the packed long connection did not replace a silent socket" >&2; exit 1; }
echo "$output" | grep -q "signed in as 林晓飞 True" || { echo "AddFeishu() sign-in from the package did not sign the user in" >&2; exit 1; }
# Issue 21: a package built as another version stamps that version on what it generates.
if ! grep -rqF "GeneratedCode(\"FeishuGen\", \"$version\")" "$app/obj" --include='*.g.cs'; then
  echo "the generated code is not stamped [GeneratedCode(\"FeishuGen\", \"$version\")]: $(grep -rhoE 'GeneratedCode\("FeishuGen", "[^"]*"\)' "$app/obj" --include='*.g.cs' | sort -u | head -n 1)" >&2
  exit 1
fi
echo "generated code stamped with the package's version: $version"
if (cd "$app" && find obj -name '*.deps.json' -o -name 'project.assets.json' | xargs grep -l '"Markdig' >/dev/null 2>&1); then
  echo "Markdig leaked into the user's project as a dependency" >&2
  exit 1
fi

echo "== the layout large users want: specs/ in a class library that the app references"
lib="$work/layered/SmokeApi"
layered="$work/layered/SmokeLayeredApp"
mkdir -p "$lib/specs" "$layered"
cp "$app/nuget.config" "$work/layered/"
cp "$repo/specs/回传背调订单的最终结果.md" "$lib/specs/"
cat > "$lib/SmokeApi.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <FeishuGenNamespace>SmokeApi</FeishuGenNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FeishuGen" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$layered/SmokeLayeredApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- Written to obj/, so the check below can see that the app itself generates nothing. -->
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../SmokeApi/SmokeApi.csproj" />
    <PackageReference Include="FeishuGen.Testing" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$layered/Program.cs" <<'CS'
using FeishuGen.Testing;
using SmokeApi;
using SmokeApi.Hire.V1;

await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
var api = new FeishuApi(server.CreateClientOptions());
await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(new UpdateResultEcoBackgroundCheckRequest { BackgroundCheckId = "lib-1", Result = "通过", ResultTime = "1700000000000" });
Console.WriteLine($"layered smoke: {FeishuEndpointCatalogue.All.Count} endpoint from the library; sent {server.ApiRequests.Count}");
return server.ApiRequests.Count == 1 ? 0 : 1;
CS
layered_output=$(cd "$layered" && dotnet run -nologo 2>&1) || { echo "$layered_output"; exit 1; }
echo "$layered_output" | tail -n 1
if find "$layered/obj" -path '*FeishuGen.Generator*' -name '*.g.cs' 2>/dev/null | grep -q .; then
  echo "the app generated code of its own: the pages belong to the library" >&2
  exit 1
fi

echo "== a bot from docs/bots.md: FeishuGen.Bots and FeishuGen.Testing only, the page's own program"
bot="$work/bot"
mkdir -p "$bot"
cp "$app/nuget.config" "$bot/"
# The program is the block under the package-smoke marker of docs/bots.md, so the page cannot drift from what works.
awk '/<!-- package-smoke: Program.cs -->/{found=1; next} found && /^```csharp/{inside=1; next} inside && /^```/{exit} inside' "$repo/docs/bots.md" > "$bot/Program.cs"
[ -s "$bot/Program.cs" ] || { echo "docs/bots.md has no package-smoke program" >&2; exit 1; }
cat > "$bot/SmokeBot.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FeishuGen.Bots" Version="$version" />
    <PackageReference Include="FeishuGen.Testing" Version="$version" />
  </ItemGroup>
</Project>
XML
bot_output=$(cd "$bot" && dotnet run -nologo 2>&1) || { echo "$bot_output"; exit 1; }
echo "$bot_output" | grep "bot smoke:"
echo "$bot_output" | grep -q "bot smoke: replied to om_.* with a post" || { echo "the bot from docs/bots.md did not reply" >&2; exit 1; }

echo "== the feishugen tool from the same feed"
dotnet tool install FeishuGen.Cli --version "$version" --tool-path "$work/tools" --add-source "$feed" >/dev/null
check=$("$work/tools/feishugen" check "$app/specs")
echo "$check" | tail -n 1
echo "$check" | tail -n 1 | grep -q "4 pages: 3 endpoints, 1 events" || { echo "feishugen check did not read the pages" >&2; exit 1; }
# Issue 21: every C# block of README.md and docs/**/*.md, built against the same packages (one
# project per page, one build), complete programs run, hosts run against the local server and probed.
echo "== docs snippet check: dotnet run --project tests/DocSnippets"
dotnet run --project "$repo/tests/DocSnippets" -- --repo "$repo" --feed "$feed" --version "$version" --work "$work/docs"
echo "package smoke: passed"
