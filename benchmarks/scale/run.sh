#!/usr/bin/env bash
# Issue #11, goals 1 and 5: the cost of a large specs/ folder to the user's build, measured side by
# side in one run. Packs FeishuGen into a local feed, then builds two fresh console apps that
# reference only the package: one with the seed page, one with every page of ../shared/feishu-docs.
# For each: a cold build (after restore, with fresh build servers), a build after a one-line edit
# to Program.cs, the DLL's size, and the compiler's peak working set during the cold build.
# Usage: bash benchmarks/scale/run.sh [pages-folder]   (takes several minutes; not part of CI)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
pages=${1:-$repo/../shared/feishu-docs}
work=$(mktemp -d)
trap 'rm -rf "$work"; dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
version="0.1.0-scale.$(date +%s)"
feed="$work/feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== packing FeishuGen $version"
dotnet pack "$repo/FeishuGen.sln" -c Release -o "$feed" -p:Version="$version" -nologo -v quiet >/dev/null

make_app() {
  local app=$1
  mkdir -p "$app/specs"
  cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="local" value="$feed" /></packageSources></configuration>
XML
  cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FeishuGen" Version="$version" />
  </ItemGroup>
</Project>
XML
  printf 'Console.WriteLine(FeishuGen.Api.FeishuEndpointCatalogue.All.Count);\n' > "$app/Program.cs"
}

# Peak working set of the compiler (the VBCSCompiler server, or csc when it runs on its own),
# sampled during the build: the highest VmHWM of any compiler process seen.
watch_compiler() {
  local out=$1 peak=0
  while [ ! -e "$out.stop" ]; do
    for pid in $(pgrep -f 'VBCSCompiler|/csc ' || true); do
      kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${kb:-0}" -gt "$peak" ] && peak=$kb
    done
    echo "$peak" > "$out"
    sleep 0.2
  done
}

seconds() { local start=$1; awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}'; }

measure() {
  local name=$1 app=$2
  (cd "$app" && dotnet restore -nologo -v quiet >/dev/null)
  dotnet build-server shutdown >/dev/null 2>&1 || true
  local start cold edit
  local watch="$work/peak-$name"
  rm -f "$watch" "$watch.stop"
  watch_compiler "$watch" &
  local watcher=$!
  start=$(date +%s.%N)
  (cd "$app" && dotnet build --no-restore -nologo -v quiet -clp:ErrorsOnly >/dev/null)
  cold=$(seconds "$start")
  touch "$watch.stop"
  wait "$watcher" || true
  local peak
  peak=$(awk '{printf "%.0f", $1 / 1024}' "$watch")
  printf '// edited\n' >> "$app/Program.cs"
  start=$(date +%s.%N)
  (cd "$app" && dotnet build --no-restore -nologo -v quiet -clp:ErrorsOnly >/dev/null)
  edit=$(seconds "$start")
  local dll
  dll=$(find "$app/bin" -name App.dll | head -n 1)
  local size
  size=$(awk -v b="$(stat -c %s "$dll")" 'BEGIN {printf "%.2f", b / 1048576}')
  echo "$name $cold $edit $size $peak"
}

seed_app="$work/seed"
all_app="$work/all"
make_app "$seed_app"
make_app "$all_app"
cp "$repo/specs/回传背调订单的最终结果.md" "$seed_app/specs/"
find "$pages" -name '*.md' -print0 | while IFS= read -r -d '' page; do
  rel=${page#"$pages"/}
  mkdir -p "$all_app/specs/$(dirname "$rel")"
  cp "$page" "$all_app/specs/$rel"
done
echo "== $(find "$all_app/specs" -name '*.md' | wc -l) pages in the all-pages app"

echo "== building (cold, then after a one-line edit to Program.cs)"
seed=$(measure seed "$seed_app")
all=$(measure all "$all_app")
read -r _ seed_cold seed_edit seed_size seed_peak <<<"$seed"
read -r _ all_cold all_edit all_size all_peak <<<"$all"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "?"; else printf "%.1f", a / b }'; }
echo
echo "| | seed only | all pages | ratio |"
echo "|---|---|---|---|"
echo "| cold build (s) | $seed_cold | $all_cold | $(ratio "$all_cold" "$seed_cold")× |"
echo "| build after a one-line edit to Program.cs (s) | $seed_edit | $all_edit | $(ratio "$all_edit" "$seed_edit")× |"
echo "| App.dll (MB) | $seed_size | $all_size | |"
echo "| compiler peak working set, cold build (MB) | $seed_peak | $all_peak | $(ratio "$all_peak" "$seed_peak")× |"
