using System.Net;

namespace Campaigns.Host.Dashboard;

/// <summary>
/// The preview form under the campaigns table: a rule, a button, the size and sample. It posts to
/// <see cref="SegmentPreviewDispatcher"/> with Hangfire's antiforgery header when the dashboard has one.
/// </summary>
internal static class SegmentPreviewForm
{
    public static string Html(string url) => $$"""
        <div class="row"><div class="col-md-12"><h2>Segment preview</h2>
        <form id="segment-preview" class="form-inline" data-url="{{WebUtility.HtmlEncode(url)}}">
        <input id="segment-expression" name="expression" class="form-control" style="width:60%" placeholder='orders_total >= 5 and affinity("BAG") > 0.2'>
        <button id="segment-preview-button" class="btn btn-primary" type="submit">Preview</button></form>
        <pre id="segment-preview-result" style="margin-top:1em"></pre></div></div>
        <script>
        document.getElementById('segment-preview').addEventListener('submit', function (e) {
          e.preventDefault();
          var form = e.target, out = document.getElementById('segment-preview-result'), headers = { 'Content-Type': 'application/json' };
          var config = document.getElementById('hangfireConfig');
          if (config && config.dataset.antiforgeryHeader) headers[config.dataset.antiforgeryHeader] = config.dataset.antiforgeryToken;
          out.textContent = '...';
          fetch(form.dataset.url, { method: 'POST', headers: headers, credentials: 'same-origin',
            body: JSON.stringify({ stage: 'rule-segment', options: { expression: document.getElementById('segment-expression').value } }) })
            .then(function (r) { return r.json(); })
            .then(function (j) {
              out.textContent = j.errors ? j.errors.map(function (x) { return x.path + ': ' + x.message; }).join('\n')
                : j.size + ' customers (' + j.elapsedMs + ' ms)\n' + j.sample.map(function (m) { return m.customerId + '  ' + JSON.stringify(m.fields); }).join('\n');
            })
            .catch(function (err) { out.textContent = 'preview failed: ' + err; });
        });
        </script>
        """;
}
