// kinerja-audit web page: send the chosen reports, show progress, results and downloads.
// Server data is only ever placed with textContent or as the sandboxed frame's srcdoc (the HTML
// report, escaped by its renderer); nothing here builds markup from strings.
(function () {
  'use strict';
  var T = JSON.parse(document.getElementById('labels').textContent);
  var form = document.getElementById('form');
  var input = document.getElementById('reports');
  var pkInput = document.getElementById('pk');
  var drop = document.getElementById('drop');
  var chosen = document.getElementById('chosen');
  var maxFiles = Number(form.dataset.maxFiles);
  var files = [];

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function showChosen() {
    chosen.replaceChildren.apply(chosen, files.map(function (f) { return el('li', f.name); }));
  }
  function setFiles(list) {
    files = Array.prototype.slice.call(list);
    showChosen();
  }
  input.addEventListener('change', function () { setFiles(input.files); });
  ['dragenter', 'dragover'].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) { setFiles(e.dataTransfer.files); }
  });
  document.getElementById('lang').addEventListener('change', function (e) {
    if (!files.length) { location.search = '?lang=' + encodeURIComponent(e.target.value); }
  });

  var status = document.getElementById('status');
  var progress = document.getElementById('progress');
  var progressText = document.getElementById('progress-text');
  var message = document.getElementById('message');
  var results = document.getElementById('results');
  var tbody = document.querySelector('#files tbody');
  var downloads = document.getElementById('downloads');
  var reportPanel = document.getElementById('report-panel');
  var frame = document.getElementById('report');
  var urls = [];

  function fail(text) {
    message.textContent = text;
    message.hidden = false;
    document.body.setAttribute('data-state', 'failed');
  }
  function bytes(b64) {
    var raw = atob(b64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function link(name, data, mime, label) {
    var url = URL.createObjectURL(new Blob([data], {type: mime}));
    urls.push(url);
    var a = el('a', label || name, 'download');
    a.href = url;
    a.download = name;
    return a;
  }
  function reset() {
    urls.forEach(function (u) { URL.revokeObjectURL(u); });
    urls = [];
    tbody.replaceChildren();
    downloads.replaceChildren();
    message.hidden = true;
    results.hidden = true;
    reportPanel.hidden = true;
    frame.removeAttribute('srcdoc');
  }
  function counts(by) {
    return [T.sev_error + ': ' + by.error, T.sev_warning + ': ' + by.warning,
            T.sev_info + ': ' + by.info].join(', ');
  }
  function addFile(ev) {
    var tr = el('tr');
    tr.appendChild(el('td', ev.name));
    tr.appendChild(el('td', ev.errors.length ? '–' : ev.findings + ' (' + counts(ev.by_severity) + ')'));
    var state = el('td', ev.errors.length ? T.unreadable + ': ' + ev.errors.join('; ') : (ev.note || T.ok),
                   ev.errors.length ? 'error' : '');
    tr.appendChild(state);
    var copy = el('td');
    if (ev.copy) { copy.appendChild(link(ev.copy.name, bytes(ev.copy.data), ev.copy.mime)); }
    tr.appendChild(copy);
    tr.dataset.findings = String(ev.findings);
    tbody.appendChild(tr);
    results.hidden = false;
  }
  function finish(ev) {
    var s = ev.summary;
    document.getElementById('totals').textContent = fill(T.totals, {
      reports: s.reports, unreadable: s.reports_unreadable, findings: s.findings});
    downloads.appendChild(link(T.file_xlsx, bytes(ev.xlsx), ev.xlsx_mime, T.download_xlsx));
    downloads.appendChild(link(T.file_json, ev.json, 'application/json', T.download_json));
    downloads.appendChild(link(T.file_html, ev.html, 'text/html', T.download_html));
    frame.srcdoc = ev.html;
    reportPanel.hidden = false;
    document.body.setAttribute('data-state', 'done');
  }
  function handle(ev) {
    if (ev.type === 'start') {
      progress.max = ev.total;
      progressText.textContent = fill(T.progress, {done: 0, total: ev.total});
    } else if (ev.type === 'pk') {
      fail(T.pk_unreadable + ': ' + ev.error);
    } else if (ev.type === 'file') {
      progress.value = ev.done;
      progressText.textContent = fill(T.progress, {done: ev.done, total: ev.total});
      addFile(ev);
    } else if (ev.type === 'done') {
      finish(ev);
    } else if (ev.type === 'error') {
      fail(T.failed + ' ' + ev.error);
    }
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    reset();
    if (!files.length) { status.hidden = false; fail(T.no_files); return; }
    if (files.length > maxFiles) { status.hidden = false; fail(fill(T.too_many, {count: maxFiles})); return; }
    var data = new FormData();
    files.forEach(function (f) { data.append('reports', f, f.name); });
    if (pkInput.files.length) { data.append('pk', pkInput.files[0], pkInput.files[0].name); }
    data.append('lang', document.getElementById('lang').value);
    status.hidden = false;
    progress.value = 0;
    progress.removeAttribute('value');
    progressText.textContent = T.sending;
    document.body.setAttribute('data-state', 'busy');
    var submit = document.getElementById('submit');
    submit.disabled = true;
    fetch('/api/check', {method: 'POST', body: data, headers: {'X-Kinerja-Audit': '1'}})
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (body) { throw new Error(body.error || response.status); });
        }
        var reader = response.body.getReader(), decoder = new TextDecoder(), pending = '';
        function pump() {
          return reader.read().then(function (chunk) {
            pending += decoder.decode(chunk.value || new Uint8Array(), {stream: !chunk.done});
            var lines = pending.split('\n');
            pending = lines.pop();
            lines.filter(Boolean).forEach(function (line) { handle(JSON.parse(line)); });
            if (!chunk.done) { return pump(); }
            if (pending) { handle(JSON.parse(pending)); }
            if (document.body.getAttribute('data-state') === 'busy') { fail(T.interrupted); }
          });
        }
        return pump();
      })
      .catch(function (err) { fail(T.failed + ' ' + err.message); })
      .finally(function () { submit.disabled = false; });
  });
  document.body.setAttribute('data-ready', '1');
})();
