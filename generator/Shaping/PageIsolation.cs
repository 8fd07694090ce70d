using System;
using System.Collections.Generic;
using FeishuGen.Generator.Diagnostics;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// Keeps one page's failure from costing the others: when shaping all pages fails, each page is
/// shaped alone to find those that fail on their own; they get FSG0013 at their file and the rest
/// are shaped without them. Only a failure that no single page explains leaves the project
/// without code (FSG0013 without a file).
/// </summary>
internal static class PageIsolation
{
    public static TSpec Shape<TModel, TSpec>(
        IReadOnlyList<TModel> all,
        Func<IReadOnlyList<TModel>, TSpec> shape,
        Func<TModel, string> specPath,
        Func<TSpec, IEnumerable<DiagnosticInfo>, TSpec> addDiagnostics,
        Func<DiagnosticInfo, TSpec> failed)
    {
        try
        {
            return shape(all);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failures = new List<DiagnosticInfo>();
            var good = new List<TModel>();
            foreach (var model in all)
            {
                try
                {
                    shape(new[] { model });
                    good.Add(model);
                }
                catch (Exception pageError) when (pageError is not OperationCanceledException)
                {
                    failures.Add(ApiShaper.PageFailure(specPath(model), pageError));
                }
            }

            try
            {
                return failures.Count > 0 ? addDiagnostics(shape(good), failures) : failed(ApiShaper.ProjectFailure(e));
            }
            catch (Exception rest) when (rest is not OperationCanceledException)
            {
                return failed(ApiShaper.ProjectFailure(rest));
            }
        }
    }
}
