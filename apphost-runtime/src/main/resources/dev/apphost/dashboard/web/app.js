// The apphost dashboard: one page per route, rendered from the JSON API; live parts over SSE.
(function () {
  const main = document.getElementById('main');
  const esc = Ansi.escape;
  let cleanup = [];
  const palette = ['#512bd4', '#0f7b6c', '#c2410c', '#1d4ed8', '#a21caf', '#15803d', '#b91c1c', '#4d7c0f', '#0e7490'];
  const colourOf = name => { let h = 0; for (const c of String(name)) h = (h * 31 + c.charCodeAt(0)) >>> 0; return palette[h % palette.length]; };

  function api(path, options) {
    return fetch('/api' + path, options).then(r => {
      if (r.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
      return r.json().then(body => ({ status: r.status, body, total: Number(r.headers.get('X-Total-Count')) }));
    });
  }
  const el = (html) => { const t = document.createElement('template'); t.innerHTML = html.trim(); return t.content.firstElementChild; };
  const fmtTime = iso => iso ? new Date(iso).toLocaleTimeString() : '';
  const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
  const fmtNanos = n => timeFormat.format(new Date(Number(n) / 1e6));
  const fmtDuration = nanos => { const ms = nanos / 1e6; return ms < 1 ? (ms * 1000).toFixed(0) + 'μs' : ms < 1000 ? ms.toFixed(2) + 'ms' : (ms / 1000).toFixed(2) + 's'; };
  function every(ms, fn) { fn(); const id = setInterval(fn, ms); cleanup.push(() => clearInterval(id)); }
  function sse(url, handlers) {
    const source = new EventSource(url);
    Object.entries(handlers).forEach(([name, fn]) => source.addEventListener(name, e => fn(JSON.parse(e.data))));
    cleanup.push(() => source.close());
    return source;
  }
  async function resourceOptions(select, selected, withAll, fromTelemetry) {
    const names = fromTelemetry ? (await api('/telemetry/resources')).body
      : (await api('/resources')).body.filter(r => r.type !== 'Parameter' && r.type !== 'ConnectionString').map(r => r.name);
    select.innerHTML = (withAll ? '<option value="">(All)</option>' : '') +
      names.map(n => `<option value="${esc(n)}"${n === selected ? ' selected' : ''}>${esc(n)}</option>`).join('');
  }

  // ---------- resources
  function resourcesPage() {
    main.innerHTML = `<h1>Resources</h1>
      <table id="resources"><thead><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Start time</th>
      <th>Source</th><th>URLs</th><th>Actions</th></tr></thead><tbody></tbody></table>
      <div id="details"></div>`;
    let selected = new URLSearchParams(location.search).get('resource');
    const body = main.querySelector('tbody');
    const render = resources => {
      body.innerHTML = '';
      for (const r of resources) {
        const row = el(`<tr class="selectable${r.name === selected ? ' selected' : ''}" data-resource="${esc(r.name)}">
          <td class="name"><b>${esc(r.name)}</b></td><td>${esc(r.type)}</td>
          <td><span class="state ${esc(r.state.replace(/\s/g, ''))}">${esc(r.state)}</span>${r.exitCode != null ? ` <span class="muted">(exit ${r.exitCode})</span>` : ''}</td>
          <td class="health-${esc(r.health || '')}">${esc(r.health || '')}${r.healthReason ? `<div class="muted reason">${esc(r.healthReason)}</div>` : ''}</td>
          <td>${fmtTime(r.startTime)}</td><td class="mono">${esc(r.source || '')}</td>
          <td>${r.urls.map(u => `<a href="${esc(u)}" target="_blank" rel="noopener">${esc(u)}</a>`).join('<br>')}</td>
          <td class="actions"></td></tr>`);
        const actions = row.querySelector('.actions');
        if (r.type !== 'Parameter' && r.type !== 'ConnectionString') {
          actions.append(el(`<a href="/consolelogs/resource/${encodeURIComponent(r.name)}">Console</a>`), ' ');
        }
        for (const c of r.commands) {
          const b = el(`<button data-command="${esc(c.name)}" title="${esc(c.displayName)} ${esc(r.name)}">${esc(c.displayName)}</button>`);
          b.disabled = !c.enabled;
          b.onclick = e => { e.stopPropagation(); runCommand(r.name, c.name, b); };
          actions.append(b, ' ');
        }
        row.onclick = () => { selected = r.name; history.replaceState(null, '', '/?resource=' + encodeURIComponent(r.name)); render(resources); showDetails(r.name); };
        body.append(row);
      }
    };
    sse('/api/resources/stream', { resources: rs => { render(rs); if (selected) showDetails(selected, true); } });
    if (selected) showDetails(selected);
  }

  async function runCommand(resource, command, button) {
    button.disabled = true;
    const { body } = await api(`/resources/${encodeURIComponent(resource)}/commands/${encodeURIComponent(command)}`, { method: 'POST' });
    if (!body.success) alert(`${command} on ${resource} failed: ${body.errorMessage}`);
  }

  const revealed = new Set();
  async function showDetails(name, refresh) {
    const { status, body: r } = await api('/resources/' + encodeURIComponent(name));
    const box = document.getElementById('details');
    if (!box || status !== 200) return;
    if (refresh && box.dataset.resource === name && box.dataset.state === r.state + r.health + r.pid + r.exitCode + r.message) return;
    box.dataset.resource = name; box.dataset.state = r.state + r.health + r.pid + r.exitCode + r.message;
    const all = revealed.has('*');
    box.innerHTML = `<div class="details"><h2>${esc(r.name)} <span class="muted">${esc(r.type)}</span></h2>
      <table><tbody>
      <tr><th>State</th><td>${esc(r.state)}${r.message ? `<div class="muted">${esc(r.message)}</div>` : ''}</td></tr>
      <tr><th>Health</th><td>${esc(r.health || '—')} ${esc(r.healthReason || '')}</td></tr>
      <tr><th>Exit code</th><td>${r.exitCode == null ? '—' : r.exitCode}</td></tr>
      <tr><th>Process id</th><td>${r.pid == null ? '—' : r.pid}</td></tr>
      <tr><th>Source</th><td class="mono">${esc(r.source || '')}</td></tr>
      <tr><th>References</th><td>${r.references.map(x => `<a href="/?resource=${encodeURIComponent(x)}">${esc(x)}</a>`).join(', ') || '—'}</td></tr>
      <tr><th>Waits for</th><td>${r.waitFor.map(esc).join(', ') || '—'}</td></tr>
      </tbody></table>
      <h2>Environment <button id="reveal-all">${all ? 'Hide values' : 'Show values'}</button></h2>
      <table id="environment"><thead><tr><th>Name</th><th>Value</th><th></th></tr></thead><tbody>
      ${r.environment.map(v => { const shown = all || revealed.has(name + '/' + v.name);
        return `<tr data-variable="${esc(v.name)}"><td class="mono">${esc(v.name)}</td>
        <td class="mono value">${shown ? esc(v.value) : '<span class="masked">••••••••</span>'}</td>
        <td><button class="reveal" data-variable="${esc(v.name)}">${shown ? 'Hide' : 'Show'}</button></td></tr>`; }).join('')}
      </tbody></table></div>`;
    box.querySelector('#reveal-all').onclick = () => { all ? revealed.clear() : revealed.add('*'); box.dataset.state = ''; showDetails(name); };
    box.querySelectorAll('button.reveal').forEach(b => b.onclick = () => {
      const key = name + '/' + b.dataset.variable; revealed.has(key) ? revealed.delete(key) : revealed.add(key); box.dataset.state = ''; showDetails(name);
    });
  }

  // ---------- console logs
  function consolePage(resource) {
    main.innerHTML = `<h1>Console logs</h1><div class="toolbar">
      <select id="resource"></select><input id="filter" placeholder="Filter…">
      <button id="pause">Pause</button><a id="download" href="#">Download</a>
      <span class="muted" id="status"></span></div><pre id="log"></pre>`;
    const select = main.querySelector('#resource'), log = main.querySelector('#log'), filter = main.querySelector('#filter');
    const pause = main.querySelector('#pause'), status = main.querySelector('#status');
    resourceOptions(select, resource, true).then(() => { select.value = resource || ''; });
    select.onchange = () => { history.pushState(null, '', select.value ? '/consolelogs/resource/' + encodeURIComponent(select.value) : '/consolelogs'); route(); };
    main.querySelector('#download').href = '/api/consolelogs?download&resource=' + encodeURIComponent(resource || '');
    let paused = false, held = [];
    const matches = l => !filter.value || l.text.toLowerCase().includes(filter.value.toLowerCase());
    const append = l => {
      const line = el(`<div class="line ${l.stream}"><span class="ts">${fmtTime(l.time)}</span>${resource ? '' :
        `<span class="res" style="color:${colourOf(l.resource)}">${esc(l.resource)}</span>`}${Ansi.toHtml(l.text)}</div>`);
      line.dataset.text = l.text.toLowerCase();
      line.style.display = matches(l) ? '' : 'none';
      const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 20;
      log.append(line);
      while (log.childElementCount > 10000) log.firstElementChild.remove();
      if (atBottom) log.scrollTop = log.scrollHeight;
    };
    filter.oninput = () => { const f = filter.value.toLowerCase(); log.querySelectorAll('.line').forEach(n => n.style.display = !f || n.dataset.text.includes(f) ? '' : 'none'); };
    pause.onclick = () => { paused = !paused; pause.textContent = paused ? 'Resume' : 'Pause'; status.textContent = paused ? 'Paused' : '';
      if (!paused) { held.forEach(append); held = []; } };
    sse('/api/consolelogs?resource=' + encodeURIComponent(resource || ''), {
      line: l => paused ? held.push(l) : append(l),
      caughtup: () => { log.dataset.caughtUp = 'true'; status.textContent = paused ? 'Paused' : 'Watching logs…'; }
    });
  }

  // ---------- structured logs
  function structuredPage() {
    const params = new URLSearchParams(location.search);
    main.innerHTML = `<h1>Structured logs</h1><div class="toolbar">
      <select id="resource"></select>
      <select id="level"><option value="">All levels</option><option>Trace</option><option>Debug</option>
      <option>Information</option><option>Warning</option><option>Error</option><option>Critical</option></select>
      <input id="text" placeholder="Filter…"></div>
      <table id="logs"><thead><tr><th>Resource</th><th>Level</th><th>Time</th><th>Message</th><th>Trace</th></tr></thead><tbody></tbody></table>
      <div id="details"></div>`;
    const select = main.querySelector('#resource'), level = main.querySelector('#level'), text = main.querySelector('#text');
    level.value = params.get('level') || ''; text.value = params.get('text') || '';
    const traceId = params.get('traceId') || '';
    resourceOptions(select, params.get('resource'), true, true);
    let selected = null;
    const load = async () => {
      const q = new URLSearchParams({ resource: select.value || params.get('resource') || '', level: level.value, text: text.value, traceId, max: '500' });
      const { body } = await api('/structuredlogs?' + q);
      const tbody = main.querySelector('tbody');
      tbody.innerHTML = '';
      for (const e of body.reverse()) {
        const row = el(`<tr class="selectable${selected === e.sequence ? ' selected' : ''}"><td style="color:${colourOf(e.resource)}">${esc(e.resource)}</td>
          <td class="level-${esc(e.severity)}">${esc(e.severity)}</td><td>${fmtNanos(e.timeNanos)}</td>
          <td class="message">${esc(e.message)}</td>
          <td>${e.traceId ? `<a class="trace-link" href="/traces/detail/${e.traceId}">${e.traceId.substring(0, 7)}</a>` : ''}</td></tr>`);
        row.onclick = () => { selected = e.sequence; showLog(e); };
        tbody.append(row);
      }
    };
    const showLog = e => {
      document.getElementById('details').innerHTML = `<div class="details"><h2>Log entry</h2><table><tbody>
        <tr><th>Message</th><td>${esc(e.message)}</td></tr><tr><th>Scope</th><td>${esc(e.scope)}</td></tr>
        <tr><th>Instance</th><td>${esc(e.instance)}</td></tr>
        ${e.traceId ? `<tr><th>Trace</th><td><a href="/traces/detail/${e.traceId}">${e.traceId}</a> span ${esc(e.spanId)}</td></tr>` : ''}
        ${Object.entries(e.attributes).map(([k, v]) => `<tr><th class="mono">${esc(k)}</th><td class="mono">${esc(v)}</td></tr>`).join('')}
        </tbody></table></div>`;
    };
    [select, level].forEach(c => c.onchange = load); text.oninput = load;
    every(2000, load);
  }

  // ---------- traces
  // One page of server-side summaries (no spans reach the list); the rows are drawn in one go and
  // only again when the page's content changed.
  const TRACES_PAGE = 100;
  function tracesPage() {
    const params = new URLSearchParams(location.search);
    main.innerHTML = `<h1>Traces</h1><div class="toolbar"><select id="resource"></select><span class="muted" id="count"></span>
      <span class="pager"><button id="newer" disabled>Newer</button><button id="older" disabled>Older</button></span></div>
      <table id="traces"><thead><tr><th>Timestamp</th><th>Name</th><th>Spans</th><th>Duration</th><th></th></tr></thead><tbody></tbody></table>`;
    const select = main.querySelector('#resource'), count = main.querySelector('#count'), tbody = main.querySelector('tbody');
    const newer = main.querySelector('#newer'), older = main.querySelector('#older');
    let offset = Math.max(0, Number(params.get('offset')) || 0), drawn = null;
    resourceOptions(select, params.get('resource'), true, true);
    const row = (t, max) => `<tr data-trace="${t.traceId}"><td>${fmtNanos(t.startNanos)}</td>
      <td><a href="/traces/detail/${t.traceId}"><b>${esc(t.rootService)}:</b> ${esc(t.rootName)}</a>${t.hasError ? ' <span class="error">error</span>' : ''}</td>
      <td class="spans">${Object.entries(t.spansPerService).map(([s, n]) => `<span class="badge" data-service="${esc(s)}" style="background:${colourOf(s)}">${esc(s)} ${n}</span>`).join('')}</td>
      <td><span class="duration"><span style="width:${Math.max(1, 120 * t.durationNanos / max).toFixed(0)}px"></span></span> ${fmtDuration(t.durationNanos)}</td>
      <td><a href="/traces/detail/${t.traceId}">View</a></td></tr>`;
    const load = async () => {
      const q = new URLSearchParams({ max: TRACES_PAGE, offset, resource: select.value || params.get('resource') || '' });
      const { body, total } = await api('/traces?' + q);
      if (offset > 0 && offset >= total) { offset = Math.max(0, total - TRACES_PAGE); return load(); }
      const max = body.reduce((m, t) => Math.max(m, t.durationNanos), 1);
      const html = body.map(t => row(t, max)).join('');
      count.textContent = total + ' traces' + (total > body.length ? `, ${body.length ? offset + 1 : 0}–${offset + body.length} shown` : '');
      newer.disabled = offset === 0; older.disabled = offset + body.length >= total;
      if (html !== drawn) { tbody.innerHTML = html; drawn = html; }
      if (!performance.getEntriesByName('traces-drawn').length) {
        performance.mark('traces-drawn');
        requestAnimationFrame(() => setTimeout(() => performance.mark('traces-painted')));
      }
    };
    const go = to => { offset = Math.max(0, to); history.replaceState(null, '', '/traces?' + new URLSearchParams({ ...(select.value ? { resource: select.value } : {}), ...(offset ? { offset } : {}) })); load(); };
    newer.onclick = () => go(offset - TRACES_PAGE);
    older.onclick = () => go(offset + TRACES_PAGE);
    select.onchange = () => go(0);
    every(2000, load);
  }

  async function traceDetailPage(traceId) {
    main.innerHTML = `<h1>Trace <span class="mono">${esc(traceId)}</span></h1><div id="summary" class="muted"></div>
      <table class="waterfall" id="waterfall"><thead><tr><th>Span</th><th>Duration</th><th>Timeline</th></tr></thead><tbody></tbody></table><div id="details"></div>`;
    const { status, body: spans } = await api('/traces/' + encodeURIComponent(traceId));
    if (status !== 200) { main.querySelector('#summary').textContent = spans.error; return; }
    const start = Math.min(...spans.map(s => s.startNanos)), end = Math.max(...spans.map(s => s.endNanos)), total = Math.max(1, end - start);
    const byId = new Map(spans.map(s => [s.spanId, s])), children = new Map();
    spans.forEach(s => { const p = byId.has(s.parentSpanId) ? s.parentSpanId : ''; if (!children.has(p)) children.set(p, []); children.get(p).push(s); });
    const ordered = [];
    const walk = (parent, depth) => (children.get(parent) || []).forEach(s => { ordered.push([s, depth]); walk(s.spanId, depth + 1); });
    walk('', 0);
    const services = [...new Set(spans.map(s => s.service))];
    main.querySelector('#summary').innerHTML = `${spans.length} spans · ${fmtDuration(total)} · ` +
      services.map(s => `<span class="badge" style="background:${colourOf(s)}">${esc(s)}</span>`).join('');
    const tbody = main.querySelector('tbody');
    for (const [s, depth] of ordered) {
      const row = el(`<tr class="selectable span-row" data-span="${s.spanId}" data-service="${esc(s.service)}">
        <td><div class="name" style="padding-left:${depth * 16}px"><span class="badge" style="background:${colourOf(s.service)}">${esc(s.service)}</span>${esc(s.name)}
        ${s.status === 'ERROR' ? '<span class="error">⚠</span>' : ''}</div></td><td>${fmtDuration(s.endNanos - s.startNanos)}</td>
        <td class="bar-cell"><div class="bar" style="left:${100 * (s.startNanos - start) / total}%;width:${100 * (s.endNanos - s.startNanos) / total}%;background:${colourOf(s.service)}"></div></td></tr>`);
      row.onclick = () => { tbody.querySelectorAll('tr').forEach(r => r.classList.remove('selected')); row.classList.add('selected'); showSpan(s); };
      tbody.append(row);
    }
    const showSpan = s => {
      document.getElementById('details').innerHTML = `<div class="details" id="span-details"><h2>${esc(s.service)}: ${esc(s.name)}</h2>
        <table><tbody><tr><th>Span id</th><td class="mono">${s.spanId}</td></tr><tr><th>Kind</th><td>${esc(s.kind)}</td></tr>
        <tr><th>Status</th><td>${esc(s.status)} ${esc(s.statusMessage || '')}</td></tr><tr><th>Scope</th><td>${esc(s.scope)}</td></tr>
        <tr><th>Duration</th><td>${fmtDuration(s.endNanos - s.startNanos)}</td></tr>
        ${Object.entries(s.attributes).map(([k, v]) => `<tr><th class="mono">${esc(k)}</th><td class="mono">${esc(v)}</td></tr>`).join('')}
        </tbody></table>
        <h2>Events (${s.events.length})</h2><table><tbody>${s.events.map(e => `<tr><td>${fmtDuration(e.timeNanos - s.startNanos)}</td><td><b>${esc(e.name)}</b>
          ${Object.entries(e.attributes).map(([k, v]) => `<div class="mono">${esc(k)} = ${esc(v)}</div>`).join('')}</td></tr>`).join('')}</tbody></table>
        <p><a href="/structuredlogs?traceId=${s.traceId}">Structured logs of this trace</a></p></div>`;
    };
  }

  // ---------- metrics
  function metricsPage() {
    const params = new URLSearchParams(location.search);
    main.innerHTML = `<h1>Metrics</h1><div class="toolbar"><select id="resource"></select></div>
      <div class="split"><div class="left" id="instruments"></div><div class="right" id="chart"></div></div>`;
    const select = main.querySelector('#resource');
    let instrument = params.get('meter');
    resourceOptions(select, params.get('resource'), false, true).then(load);
    select.onchange = () => { instrument = null; load(); };
    async function load() {
      if (!select.value) { main.querySelector('#instruments').innerHTML = '<p class="muted">No resource has sent metrics yet.</p>'; return; }
      const { body } = await api('/metrics?resource=' + encodeURIComponent(select.value));
      const list = body[select.value] || Object.values(body)[0] || [];
      const box = main.querySelector('#instruments');
      box.innerHTML = '';
      for (const i of list) {
        const item = el(`<div class="instrument${i.name === instrument ? ' selected' : ''}" data-instrument="${esc(i.name)}"><b>${esc(i.name)}</b><div class="muted">${esc(i.description || i.type)}</div></div>`);
        item.onclick = () => { instrument = i.name; load(); };
        box.append(item);
      }
      const chosen = list.find(i => i.name === instrument);
      if (chosen) chart(chosen);
    }
    function chart(i) {
      const pts = i.points, w = 720, h = 260, pad = 40;
      const box = main.querySelector('#chart');
      if (!pts.length) { box.innerHTML = '<p class="muted">No data points yet.</p>'; return; }
      const series = new Map();
      pts.forEach(p => { const key = Object.entries(p.attributes).map(([k, v]) => k + '=' + v).join(', '); if (!series.has(key)) series.set(key, []); series.get(key).push(p); });
      const t0 = Math.min(...pts.map(p => p.timeNanos)), t1 = Math.max(...pts.map(p => p.timeNanos)) || t0 + 1;
      const vmax = Math.max(...pts.map(p => p.value), 0), vmin = Math.min(...pts.map(p => p.value), 0), span = (vmax - vmin) || 1;
      const x = t => pad + (w - 2 * pad) * (t - t0) / Math.max(1, t1 - t0), y = v => h - pad - (h - 2 * pad) * (v - vmin) / span;
      let lines = '', legend = '', n = 0;
      for (const [key, list] of series) {
        if (n >= 8) break;
        const colour = palette[n++ % palette.length];
        lines += `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${list.map(p => x(p.timeNanos).toFixed(1) + ',' + y(p.value).toFixed(1)).join(' ')}"/>`;
        legend += `<div><span class="badge" style="background:${colour}">&nbsp;</span>${esc(key || i.name)}: <b>${list[list.length - 1].value.toFixed(2)}</b> ${esc(i.unit)}</div>`;
      }
      box.innerHTML = `<h2>${esc(i.name)} <span class="muted">${esc(i.type)} ${esc(i.unit)}</span></h2>
        <svg class="chart" width="${w}" height="${h}"><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#ccc"/>
        <line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#ccc"/>
        <text x="4" y="${pad}" font-size="11">${vmax.toPrecision(4)}</text><text x="4" y="${h - pad}" font-size="11">${vmin.toPrecision(4)}</text>
        <text x="${pad}" y="${h - 10}" font-size="11">${fmtNanos(t0)}</text><text x="${w - pad - 60}" y="${h - 10}" font-size="11">${fmtNanos(t1)}</text>
        ${lines}</svg>${legend}`;
    }
    every(3000, () => { if (select.value) load(); });
  }

  // ---------- routing
  function route() {
    cleanup.forEach(f => f()); cleanup = [];
    const p = location.pathname;
    let page = 'resources';
    if (p.startsWith('/consolelogs')) { page = 'consolelogs'; consolePage(p.startsWith('/consolelogs/resource/') ? decodeURIComponent(p.substring(22)) : ''); }
    else if (p.startsWith('/structuredlogs')) { page = 'structuredlogs'; structuredPage(); }
    else if (p.startsWith('/traces/detail/')) { page = 'traces'; traceDetailPage(decodeURIComponent(p.substring(15))); }
    else if (p.startsWith('/traces')) { page = 'traces'; tracesPage(); }
    else if (p.startsWith('/metrics')) { page = 'metrics'; metricsPage(); }
    else resourcesPage();
    document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
    document.title = 'apphost dashboard · ' + page;
  }
  window.addEventListener('popstate', route);
  route();
})();
