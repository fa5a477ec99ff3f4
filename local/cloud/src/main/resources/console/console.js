// The orderflow local console: one page, plain DOM and SVG, reading /_console/api/.
'use strict';

const API = '/_console/api/';
const SVG = 'http://www.w3.org/2000/svg';
const view = document.getElementById('view');
let refreshTimer = null;

// ---- small helpers -------------------------------------------------------------------------

/** An element with attributes (on* as listeners) and children (strings become text). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

async function get(path) {
  const response = await fetch(API + path, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

async function post(path, body) {
  const response = await fetch(API + path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.detail || response.statusText);
  return answer;
}

function when(epochSeconds) {
  if (!epochSeconds) return '';
  return new Date(epochSeconds * 1000).toLocaleTimeString([], { hour12: false }) + '.' +
    String(Math.floor((epochSeconds * 1000) % 1000)).padStart(3, '0');
}

function pretty(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** DynamoDB JSON ({"S": "x"}, {"M": {...}}) as plain JSON, for reading. */
function plain(value) {
  if (value === null || typeof value !== 'object') return value;
  const [type, v] = Object.entries(value)[0] || [];
  switch (type) {
    case 'S': case 'BOOL': case 'B': return v;
    case 'N': return Number(v);
    case 'NULL': return null;
    case 'L': return v.map(plain);
    case 'SS': case 'BS': return v;
    case 'NS': return v.map(Number);
    case 'M': return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    default: return value;
  }
}

function plainItem(item) {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, plain(v)]));
}

function show(...children) {
  view.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined));
}

/** A Lambda error's cause is its JSON payload: show the message, keep the trace folded. */
function cause(text) {
  if (!text) return null;
  const parsed = tryJson(text);
  if (parsed && typeof parsed === 'object' && parsed.errorMessage) {
    return h('div', {}, h('div', { class: 'cause' }, parsed.errorMessage),
      h('details', {}, h('summary', { class: 'muted' }, 'stack trace'), h('pre', {}, (parsed.stackTrace || []).join('\n'))));
  }
  return h('pre', {}, text);
}

function failed(e) {
  show(h('p', { class: 'error' }, 'The console could not load this: ' + e.message));
}

// ---- routing -------------------------------------------------------------------------------

const routes = {
  executions: () => executionsView(),
  execution: (arn) => executionView(arn),
  queues: () => queuesView(),
  queue: (name) => queueView(name),
  tables: () => tablesView(),
  table: (name) => tableView(name),
  functions: () => functionsView(),
  orders: () => ordersView(),
  order: (id) => orderView(id),
};

function route() {
  clearTimeout(refreshTimer);
  const hash = location.hash.slice(1) || 'executions';
  const slash = hash.indexOf('/');
  const name = slash < 0 ? hash : hash.slice(0, slash);
  const arg = slash < 0 ? null : decodeURIComponent(hash.slice(slash + 1));
  const section = { execution: 'executions', queue: 'queues', table: 'tables', order: 'orders' }[name] || name;
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === section));
  (routes[name] || routes.executions)(arg).catch(failed);
}

window.addEventListener('hashchange', route);
route();

// ---- executions ----------------------------------------------------------------------------

async function executionsView() {
  const params = new URLSearchParams(location.search);
  const status = h('select', { id: 'status-filter' },
    ['', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'].map(v =>
      h('option', { value: v }, v || 'any status')));
  const search = h('input', { id: 'name-search', placeholder: 'name (order id) contains', size: 32 });
  status.value = params.get('status') || '';
  search.value = params.get('name') || '';
  const list = h('div', {});
  const load = async () => {
    const query = new URLSearchParams({ status: status.value, name: search.value });
    const data = await get('executions?' + query);
    list.replaceChildren(
      h('p', { class: 'muted' }, `${data.total} executions` + (data.total > data.executions.length ? `, newest ${data.executions.length} shown` : '')),
      h('table', { id: 'executions' },
        h('tr', {}, h('th', {}, 'name'), h('th', {}, 'status'), h('th', {}, 'state machine'), h('th', {}, 'started'), h('th', {}, 'stopped')),
        data.executions.map(e => h('tr', {
          class: 'clickable', 'data-name': e.name,
          onclick: () => { location.hash = 'execution/' + encodeURIComponent(e.executionArn); },
        },
          h('td', {}, e.name), h('td', { class: 'status ' + e.status }, e.status),
          h('td', {}, e.stateMachineArn.split(':').pop()), h('td', {}, when(e.startDate)), h('td', {}, when(e.stopDate))))));
  };
  status.addEventListener('change', () => load().catch(failed));
  search.addEventListener('input', () => load().catch(failed));
  show(h('h2', {}, 'Executions'),
    h('div', { class: 'toolbar' }, status, search, h('button', { onclick: () => load().catch(failed) }, 'Refresh')),
    list);
  await load();
}

const OUTCOMES = ['succeeded', 'retried', 'caught', 'aborted', 'failed', 'running', 'unreached'];

async function executionView(arn) {
  const data = await get('execution?arn=' + encodeURIComponent(arn));
  if (window.selectedFor !== arn) { window.selectedFor = arn; window.selectedState = null; window.selectedLane = null; }
  renderExecution(arn, data);
  if (data.execution.status === 'RUNNING') {
    refreshTimer = setTimeout(() => executionView(arn).catch(failed), 1500);
  }
}

/** The execution's graph and the selected state's detail; a selected iteration or branch recolours its states. */
function renderExecution(arn, data) {
  const e = data.execution;
  const lane = findLane(data, window.selectedLane);
  if (!lane) window.selectedLane = null;
  const outcomes = lane ? overlay(data, lane) : data.states;
  const rerender = () => renderExecution(arn, data);
  const name = window.selectedState && (outcomes[window.selectedState] || findState(data.definition, window.selectedState))
    ? window.selectedState : firstFailure(data);
  const graph = drawGraph(data.definition, outcomes, n => select(n));
  const detail = h('div', { class: 'panel', id: 'state-detail' });
  show(
    h('p', {}, h('a', { href: '#executions' }, '← executions'),
      data.parentExecutionArn ? h('span', {}, ' · ', h('a', { href: '#execution/' + encodeURIComponent(data.parentExecutionArn), id: 'parent-execution' }, 'parent execution')) : null),
    h('h2', {}, e.name, ' ', h('span', { class: 'status ' + e.status, id: 'execution-status' }, e.status)),
    h('p', { class: 'muted' }, `${data.stateMachineName} · started ${when(e.startDate)}` + (e.stopDate ? ` · stopped ${when(e.stopDate)}` : '')),
    e.error ? h('div', { class: 'error' }, e.error, cause(e.cause)) : null,
    h('p', { class: 'legend' }, OUTCOMES.map(o => h('span', {}, h('i', { style: `background: var(--${o})` }), o === 'unreached' ? 'not reached' : o))),
    lane ? h('p', { id: 'lane-banner' }, `Showing ${lane.kind === 'iteration' ? 'iteration ' + lane.index + ' of Map' : 'branch ' + lane.index + ' of Parallel'} ${lane.container}: `,
      h('span', { class: 'badge' }, lane.outcome), ' ', h('button', { id: 'all-lanes', onclick: () => { window.selectedLane = null; rerender(); } }, 'show all')) : null,
    h('div', { class: 'split' }, h('div', { class: 'panel' }, graph), detail));
  function select(n) {
    window.selectedState = n;
    graph.querySelectorAll('.state').forEach(g => g.classList.toggle('selected', g.dataset.state === n));
    detail.replaceChildren(...stateDetail(n, data, outcomes, lane, rerender));
  }
  if (name) {
    select(name);
  } else {
    detail.replaceChildren(h('p', { class: 'muted' }, 'Select a state to see its input, output and error.'), eventsTable(data.events, null, lane));
  }
}

/** The iteration or branch whose lane path is {@code path}, with its kind and container. */
function findLane(data, path) {
  if (!path) return null;
  for (const [kind, byState] of [['iteration', data.iterations || {}], ['branch', data.branches || {}]]) {
    for (const [container, lanes] of Object.entries(byState)) {
      const hit = lanes.find(l => l.lane === path);
      if (hit) return { ...hit, kind, container };
    }
  }
  return null;
}

/** The state named so anywhere in a definition (names are unique in a machine). */
function findState(machine, name) {
  for (const [n, st] of Object.entries((machine && machine.States) || {})) {
    if (n === name) return st;
    for (const inner of [...(st.Branches || []), st.ItemProcessor || st.Iterator].filter(Boolean)) {
      const hit = findState(inner, name);
      if (hit) return hit;
    }
  }
  return null;
}

function stateNames(machine) {
  return Object.entries(machine.States || {}).flatMap(([n, st]) =>
    [n, ...[...(st.Branches || []), st.ItemProcessor || st.Iterator].filter(Boolean).flatMap(stateNames)]);
}

/** The whole execution's outcomes, with the selected lane's for the states inside its Map or branch. */
function overlay(data, lane) {
  const container = findState(data.definition, lane.container);
  // a branch: the other branches' states show as not reached, so the chosen one stands out
  const inner = lane.kind === 'iteration' ? [container.ItemProcessor || container.Iterator] : container.Branches;
  const outcomes = { ...data.states };
  for (const n of inner.flatMap(stateNames)) {
    if (lane.states[n]) outcomes[n] = lane.states[n]; else delete outcomes[n];
  }
  return outcomes;
}

function firstFailure(data) {
  const order = ['failed', 'caught', 'running', 'retried'];
  for (const outcome of order) {
    const hit = Object.entries(data.states).find(([, st]) => st.outcome === outcome);
    if (hit) return hit[0];
  }
  return null;
}

function stateDetail(name, data, outcomes, lane, rerender) {
  const st = outcomes[name];
  const def = findState(data.definition, name) || {};
  const runs = laneList(name, def, data, lane, rerender);
  if (!st) return [h('h3', {}, name), h('p', { class: 'muted' }, 'Not reached.'), runs, eventsTable(data.events, null, lane)];
  return [
    h('h3', {}, name, ' ', h('span', { class: 'badge', id: 'state-outcome' }, st.outcome),
      st.entries > 1 ? h('span', { class: 'muted' }, ` entered ${st.entries} times`) : null,
      st.failures ? h('span', { class: 'muted' }, ` · ${st.failures} failure(s)`) : null),
    st.error ? h('div', { class: 'error', id: 'state-error' }, st.error, cause(st.cause)) : null,
    runs,
    h('div', {}, h('b', {}, 'Input'), h('pre', { id: 'state-input' }, pretty(st.input))),
    h('div', {}, h('b', {}, 'Output'), h('pre', { id: 'state-output' }, pretty(st.output))),
    eventsTable(data.events, name, lane),
  ];
}

/** A Map's iterations (or its Map Runs' child executions) and a Parallel's branches, each selectable. */
function laneList(name, def, data, lane, rerender) {
  if (def.Type === 'Map' && (data.mapRuns || {})[name]) {
    const box = h('div', { id: 'map-run-children' }, h('p', { class: 'muted' }, 'Loading the Map Run\'s child executions…'));
    Promise.all(data.mapRuns[name].map(arn => get('map-run?arn=' + encodeURIComponent(arn)))).then(runs => box.replaceChildren(
      h('b', {}, 'Child executions (DISTRIBUTED Map)'),
      h('table', { class: 'lanes' }, h('tr', {}, ['index', 'status', 'execution'].map(t => h('th', {}, t))),
        runs.flatMap(r => r.children).map(c => h('tr', { class: 'clickable', 'data-index': c.index, 'data-status': c.status,
          onclick: () => { location.hash = 'execution/' + encodeURIComponent(c.executionArn); } },
          h('td', {}, c.index), h('td', { class: 'status ' + c.status }, c.status), h('td', {}, c.name)))))).catch(e => { box.textContent = e.message; });
    return box;
  }
  const kind = def.Type === 'Map' ? 'iteration' : def.Type === 'Parallel' ? 'branch' : null;
  const lanes = kind && ((kind === 'iteration' ? data.iterations : data.branches) || {})[name];
  if (!lanes || !lanes.length) return null;
  return h('div', {}, h('b', {}, kind === 'iteration' ? 'Iterations' : 'Branches'), ' ',
    h('span', { class: 'muted' }, '(select one to colour its states and see its events)'),
    h('table', { class: 'lanes', id: kind === 'iteration' ? 'iterations' : 'branches' },
      h('tr', {}, [kind === 'iteration' ? 'index' : 'branch', 'outcome', 'events', ''].map(t => h('th', {}, t))),
      lanes.map(l => h('tr', {
        class: 'clickable' + (lane && lane.lane === l.lane ? ' chosen' : ''), 'data-index': l.index, 'data-outcome': l.outcome,
        onclick: () => { window.selectedLane = l.lane; rerender(); },
      }, h('td', {}, l.index), h('td', {}, h('span', { class: 'badge outcome ' + l.outcome }, l.outcome)), h('td', {}, l.events.length),
        h('td', { class: 'muted' }, l.lane.includes('/') ? l.lane : '')))));
}

function eventsTable(allEvents, stateName, lane) {
  let inState = false;
  const ids = lane ? new Set(lane.events) : null;
  const events = ids ? allEvents.filter(ev => ids.has(ev.id)) : allEvents;
  return h('div', {}, h('h3', {}, 'Event history', lane ? ` of ${lane.kind} ${lane.index} of ${lane.container}` : ''),
    h('table', { class: 'events', id: 'events' },
      h('tr', {}, h('th', {}, '#'), h('th', {}, 'type'), h('th', {}, 'state / detail'), h('th', {}, 'time')),
      events.map(ev => {
        const entered = ev.stateEnteredEventDetails;
        const exited = ev.stateExitedEventDetails;
        if (entered) inState = entered.name === stateName;
        const hit = inState;
        if (exited && exited.name === stateName) inState = false;
        const details = Object.entries(ev).find(([k]) => k.endsWith('EventDetails'));
        const label = entered ? entered.name : exited ? exited.name
          : details && details[1].error ? `${details[1].error}`
          : details && details[1].index !== undefined ? `${details[1].name} [${details[1].index}]` : '';
        return h('tr', { class: hit ? 'hit' : '' }, h('td', {}, ev.id), h('td', {}, ev.type), h('td', {}, label), h('td', {}, when(ev.timestamp)));
      })));
}

// ---- the graph: top to bottom, Choice branches side by side, Map/Parallel as boxes ----------

const NODE_W = 150, NODE_H = 34, GAP_X = 24, GAP_Y = 34, PAD = 14, TITLE = 20;

/** Lays out one level of states (a definition, a Map's processor or a Parallel branch). */
function layout(machine) {
  const states = machine.States;
  const names = Object.keys(states);
  const next = name => {
    const st = states[name];
    const out = [];
    if (st.Next) out.push({ to: st.Next });
    (st.Choices || []).forEach(c => c.Next && out.push({ to: c.Next }));
    if (st.Default) out.push({ to: st.Default });
    (st.Catch || []).forEach(c => out.push({ to: c.Next, catch: true }));
    return out.filter(e => states[e.to]);
  };
  // layers: the longest path from StartAt, back edges (loops) left out
  const layer = {}, order = [], visiting = new Set(), back = new Set();
  (function visit(name) {
    visiting.add(name);
    order.push(name);
    for (const e of next(name)) {
      if (visiting.has(e.to)) { back.add(name + '>' + e.to); continue; }
      if (!order.includes(e.to)) visit(e.to);
    }
    visiting.delete(name);
  })(machine.StartAt);
  names.filter(n => !order.includes(n)).forEach(n => order.push(n));
  for (const n of order) layer[n] = 0;
  for (let changed = true, rounds = 0; changed && rounds < names.length + 1; rounds++) {
    changed = false;
    for (const n of order) for (const e of next(n)) {
      if (!back.has(n + '>' + e.to) && layer[e.to] < layer[n] + 1) { layer[e.to] = layer[n] + 1; changed = true; }
    }
  }
  // sizes: a Map or Parallel is a box around its own layout
  const inner = {}, size = {};
  for (const n of names) {
    const st = states[n];
    if (st.Type === 'Map') {
      inner[n] = [layout(st.ItemProcessor || st.Iterator)];
    } else if (st.Type === 'Parallel') {
      inner[n] = st.Branches.map(layout);
    }
    if (inner[n]) {
      const w = inner[n].reduce((a, l) => a + l.width, 0) + GAP_X * (inner[n].length - 1) + 2 * PAD;
      const hh = Math.max(...inner[n].map(l => l.height)) + 2 * PAD + TITLE;
      size[n] = { w: Math.max(w, NODE_W), h: hh };
    } else {
      size[n] = { w: NODE_W, h: NODE_H };
    }
  }
  const layers = [];
  for (const n of order) (layers[layer[n]] = layers[layer[n]] || []).push(n);
  const rowH = layers.map(row => Math.max(...row.map(n => size[n].h)));
  const rowW = layers.map(row => row.reduce((a, n) => a + size[n].w, 0) + GAP_X * (row.length - 1));
  const width = Math.max(NODE_W, ...rowW);
  const pos = {};
  let y = 0;
  layers.forEach((row, i) => {
    let x = (width - rowW[i]) / 2;
    for (const n of row) {
      pos[n] = { x, y: y + (rowH[i] - size[n].h) / 2, w: size[n].w, h: size[n].h };
      x += size[n].w + GAP_X;
    }
    y += rowH[i] + GAP_Y;
  });
  const edges = [];
  for (const n of names) for (const e of next(n)) edges.push({ from: n, to: e.to, catch: !!e.catch, back: back.has(n + '>' + e.to) });
  return { states, pos, inner, edges, width, height: y - GAP_Y };
}

function drawGraph(definition, outcomes, onSelect) {
  const root = layout(definition);
  const margin = 12;
  const svg = s('svg', {
    class: 'graph', id: 'graph', width: root.width + 2 * margin + 40, height: root.height + 2 * margin,
    viewBox: `${-margin} ${-margin} ${root.width + 2 * margin + 40} ${root.height + 2 * margin}`,
  });
  svg.append(s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' },
    s('path', { d: 'M0,0 L8,4 L0,8 z', fill: '#9aa3ad' }))));
  drawLevel(svg, root, 0, 0, outcomes, onSelect);
  return svg;
}

function drawLevel(parent, level, ox, oy, outcomes, onSelect) {
  const g = s('g', { transform: `translate(${ox},${oy})` });
  parent.append(g);
  for (const e of level.edges) {
    const a = level.pos[e.from], b = level.pos[e.to];
    let d;
    if (e.back || b.y <= a.y) {
      // up or sideways: round the right-hand side
      const x1 = a.x + a.w, y1 = a.y + a.h / 2, x2 = b.x + b.w, y2 = b.y + b.h / 2;
      const bulge = Math.max(x1, x2) + 30;
      d = `M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`;
    } else {
      const x1 = a.x + a.w / 2, y1 = a.y + a.h, x2 = b.x + b.w / 2, y2 = b.y;
      const bend = Math.min(40, (y2 - y1) / 2);
      d = `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`;
    }
    g.append(s('path', { d, class: 'edge' + (e.catch ? ' catch' : ''), 'marker-end': 'url(#arrow)' }));
  }
  for (const [name, p] of Object.entries(level.pos)) {
    const st = level.states[name];
    const outcome = (outcomes[name] && outcomes[name].outcome) || 'unreached';
    const node = s('g', { class: 'state ' + outcome + (level.inner[name] ? ' container' : ''), 'data-state': name, 'data-outcome': outcome });
    node.addEventListener('click', ev => { ev.stopPropagation(); onSelect(name); });
    node.append(s('title', {}, `${name} (${st.Type}): ${outcome === 'unreached' ? 'not reached' : outcome}`));
    node.append(s('rect', { x: p.x, y: p.y, width: p.w, height: p.h, rx: 6 }));
    if (level.inner[name]) {
      node.append(s('text', { x: p.x + 8, y: p.y + 15 }, `${name} · ${st.Type}`));
      g.append(node);
      let x = p.x + PAD;
      for (const branch of level.inner[name]) {
        drawLevel(g, branch, x, p.y + PAD + TITLE, outcomes, onSelect);
        x += branch.width + GAP_X;
      }
    } else {
      node.append(s('text', { x: p.x + p.w / 2, y: p.y + p.h / 2 + 4, 'text-anchor': 'middle' }, clip(name, 20)));
      g.append(node);
    }
  }
}

function clip(text, n) {
  return text.length > n ? text.slice(0, n - 1) + '…' : text;
}

// ---- queues --------------------------------------------------------------------------------

async function queuesView() {
  const data = await get('queues');
  show(h('h2', {}, 'Queues'),
    h('table', { id: 'queues' },
      h('tr', {}, ['queue', 'visible', 'in flight', 'delayed', 'dead-letter queue', ''].map(t => h('th', {}, t))),
      data.queues.map(q => h('tr', { 'data-queue': q.name },
        h('td', {}, q.name, q.sourceQueues.length ? h('span', { class: 'muted' }, ` (DLQ of ${q.sourceQueues.join(', ')})`) : null),
        h('td', { class: 'visible' }, q.visible), h('td', { class: 'in-flight' }, q.inFlight), h('td', {}, q.delayed),
        h('td', {}, q.deadLetterQueue ? `${q.deadLetterQueue} after ${q.maxReceiveCount} receives` : ''),
        h('td', {}, q.sourceQueues.length ? h('a', { href: '#queue/' + encodeURIComponent(q.name), class: 'messages' }, 'messages') : '')))));
  refreshTimer = setTimeout(() => queuesView().catch(failed), 3000);
}

async function queueView(name) {
  const [data, queues] = await Promise.all([get('queues/' + encodeURIComponent(name) + '/messages'), get('queues')]);
  const queue = queues.queues.find(q => q.name === name) || { visible: '?', inFlight: '?', sourceQueues: [] };
  const note = h('p', { id: 'redrive-result' });
  show(h('p', {}, h('a', { href: '#queues' }, '← queues')),
    h('h2', {}, name),
    h('p', {}, 'Messages: ', h('b', { id: 'queue-depth' }, queue.visible), ' visible, ', queue.inFlight, ' in flight · dead-letter queue of ', queue.sourceQueues.join(', ')),
    h('p', { class: 'muted' }, 'Looking counts as a receive (SQS has no peek): each look adds one to the receive counts.'),
    note,
    h('table', { id: 'messages' },
      h('tr', {}, ['message id', 'receives', 'sent', 'body', ''].map(t => h('th', {}, t))),
      data.messages.map(m => h('tr', { 'data-message': m.messageId },
        h('td', {}, m.messageId), h('td', {}, m.receiveCount), h('td', {}, when(m.sentTimestamp / 1000)),
        h('td', {}, h('pre', {}, pretty(tryJson(m.body)))),
        h('td', {}, h('button', {
          class: 'redrive',
          onclick: async () => {
            try {
              const r = await post('queues/' + encodeURIComponent(name) + '/redrive', { messageId: m.messageId });
              window.lastRedrive = `Moved ${r.messageId} back to ${r.to}.`;
              await queueView(name);
            } catch (e) { note.textContent = 'Redrive failed: ' + e.message; note.className = 'error'; }
          },
        }, 'Redrive to ' + queue.sourceQueues[0]))))));
  if (window.lastRedrive) { note.textContent = window.lastRedrive; window.lastRedrive = null; }
}

function tryJson(text) {
  try { return JSON.parse(text); } catch (e) { return text; }
}

// ---- tables --------------------------------------------------------------------------------

async function tablesView() {
  const data = await get('tables');
  show(h('h2', {}, 'Tables'),
    h('table', { id: 'tables' },
      h('tr', {}, ['table', 'keys', 'indexes', 'items', 'stream'].map(t => h('th', {}, t))),
      data.tables.map(t => h('tr', { class: 'clickable', onclick: () => { location.hash = 'table/' + encodeURIComponent(t.name); } },
        h('td', {}, t.name), h('td', {}, t.keySchema.map(k => `${k.AttributeName} (${k.KeyType})`).join(', ')),
        h('td', {}, t.indexes.map(i => i.name).join(', ')), h('td', {}, t.itemCount), h('td', {}, t.streamArn ? 'yes' : '')))));
}

async function tableView(name) {
  const tables = await get('tables');
  const table = tables.tables.find(t => t.name === name);
  if (!table) throw new Error('no table ' + name);
  const index = h('select', {}, h('option', { value: '' }, 'table'), table.indexes.map(i => h('option', { value: i.name }, 'index ' + i.name)));
  const key = h('input', { placeholder: 'partition key value (empty: scan)', size: 36 });
  const results = h('div', {});
  const stream = h('div', {});
  let pages = [null];
  const load = async (next) => {
    const query = new URLSearchParams({ limit: 25 });
    if (key.value) query.set('key', key.value);
    if (index.value) query.set('index', index.value);
    if (next) query.set('next', next);
    const data = await get('tables/' + encodeURIComponent(name) + '/items?' + query);
    const items = data.items.map(plainItem);
    const columns = [...new Set(items.flatMap(Object.keys))].slice(0, 8);
    results.replaceChildren(
      h('p', { class: 'muted' }, `${data.operation}: ${items.length} items on this page`),
      h('table', { id: 'items' }, h('tr', {}, columns.map(c => h('th', {}, c))),
        items.map(it => h('tr', { title: JSON.stringify(it, null, 2) }, columns.map(c => h('td', {}, clip(pretty(it[c] === undefined ? '' : it[c]), 60)))))),
      h('div', { class: 'toolbar' },
        pages.length > 1 ? h('button', { onclick: () => { pages.pop(); load(pages[pages.length - 1]).catch(failed); } }, '← previous') : null,
        data.next ? h('button', { onclick: () => { pages.push(data.next); load(data.next).catch(failed); } }, 'next →') : null));
  };
  const go = () => { pages = [null]; load(null).catch(failed); };
  key.addEventListener('keydown', e => { if (e.key === 'Enter') go(); });
  show(h('p', {}, h('a', { href: '#tables' }, '← tables')), h('h2', {}, name),
    h('div', { class: 'toolbar' }, index, key, h('button', { onclick: go }, key.value ? 'Query' : 'Query / Scan')),
    results, h('h3', {}, 'Stream: newest records'), stream);
  await load(null);
  if (table.streamArn) {
    const records = await get('tables/' + encodeURIComponent(name) + '/stream?limit=20');
    stream.replaceChildren(h('table', { id: 'stream' },
      h('tr', {}, ['event', 'time', 'keys', 'new image'].map(t => h('th', {}, t))),
      records.records.map(r => h('tr', {}, h('td', {}, r.eventName), h('td', {}, when(r.dynamodb.ApproximateCreationDateTime)),
        h('td', {}, JSON.stringify(plainItem(r.dynamodb.Keys || {}))),
        h('td', {}, clip(JSON.stringify(plainItem(r.dynamodb.NewImage || {})), 120))))));
  } else {
    stream.replaceChildren(h('p', { class: 'muted' }, 'This table has no stream.'));
  }
}

/** A queue's name, or the table of a stream, from an event source's ARN. */
function sourceName(arn) {
  const table = /:table\/([^/]+)\/stream\//.exec(arn);
  return table ? table[1] + ' (stream)' : arn.split(':').pop();
}

// ---- functions -----------------------------------------------------------------------------

async function functionsView() {
  const data = await get('functions');
  const detail = h('div', {});
  const log = h('div', { id: 'invocation-log-panel' });
  const openLog = async (f, i) => {
    const inv = await get('functions/' + encodeURIComponent(f.name) + '/invocations/' + encodeURIComponent(i.requestId));
    log.replaceChildren(h('h3', {}, 'Log of ', h('span', { id: 'log-request' }, inv.requestId),
      h('span', { class: 'muted' }, ` · ${inv.durationMs} ms · ${inv.cold ? 'cold' : 'warm'}`)),
      inv.log.length ? h('pre', { id: 'invocation-log', class: 'log' }, inv.log.map(line => { const j = tryJson(line); return typeof j === 'object' && j ? JSON.stringify(j) : line; }).join('\n'))
        : h('p', { class: 'muted', id: 'invocation-log' }, 'This invocation logged nothing.'));
  };
  const open = f => { log.replaceChildren(); detail.replaceChildren(h('h3', {}, f.name, h('span', { class: 'muted' }, ` · ${f.handler} · select an invocation for its log`)),
    h('table', { id: 'invocations' }, h('tr', {}, ['request', 'start', 'duration', 'start kind', 'error', 'log'].map(t => h('th', {}, t))),
      f.recent.map(i => h('tr', { class: 'clickable', 'data-request': i.requestId, onclick: () => openLog(f, i).catch(failed) },
        h('td', {}, i.requestId), h('td', {}, new Date(i.start).toLocaleTimeString([], { hour12: false })),
        h('td', {}, i.durationMs + ' ms'), h('td', {}, i.cold ? h('span', { class: 'badge cold' }, `cold (init ${i.initMs} ms)`) : 'warm'),
        h('td', {}, i.errorType ? h('span', { class: 'badge err' }, `${i.errorType}: ${i.errorMessage}`) : ''),
        h('td', { class: 'muted' }, i.logLines ? `${i.logLines} lines` : '')))), log); };
  show(h('h2', {}, 'Functions'),
    h('table', { id: 'functions' }, h('tr', {}, ['function', 'invocations', 'errors', 'cold starts', 'last duration', 'concurrency'].map(t => h('th', {}, t))),
      data.functions.map(f => h('tr', { class: 'clickable', 'data-function': f.name, onclick: () => open(f) },
        h('td', {}, f.name), h('td', {}, f.invocations), h('td', {}, f.errors), h('td', {}, f.coldStarts),
        h('td', {}, f.recent.length ? f.recent[0].durationMs + ' ms' : ''), h('td', {}, f.concurrencyLimit)))),
    detail,
    h('h3', {}, 'Event source mappings'),
    h('table', { id: 'mappings' }, h('tr', {}, ['function', 'source', 'position', 'settings'].map(t => h('th', {}, t))),
      data.eventSourceMappings.map(m => h('tr', { 'data-mapping': m.logicalId }, h('td', {}, m.function), h('td', {}, sourceName(m.source)),
        h('td', { class: 'position' }, position(m.position)), h('td', { class: 'muted' }, m.settings)))));
}

/** Where a mapping is: its queue and batches in delivery, or each shard's checkpoint and lag. */
function position(p) {
  if (!p) return '';
  switch (p.kind) {
    case 'sqs':
      return h('div', {}, `${p.visible} visible · ${p.inFlight} in flight · ${p.delayed} delayed`,
        h('div', { class: 'muted' }, `${p.batchesInFlight} batch(es) in delivery (${p.messagesInFlight} messages) · ${p.pollers} of ${p.maxBatches} pollers`));
    case 'stream':
      return h('div', {}, p.shards.map(sh => h('div', { class: 'shard', 'data-shard': sh.shardId },
        h('span', { class: sh.behind ? 'lag' : '' }, `${sh.behind}${sh.behindAtLeast ? '+' : ''} behind`),
        h('span', { class: 'muted' }, ` · ${clip(sh.shardId, 28)} · checkpoint ${sh.checkpoint ? '…' + sh.checkpoint.slice(-10) : 'none yet'}${sh.closed ? ' · closed' : ''}`))));
    case 'not-polled':
      return h('span', { class: 'muted' }, 'not polled locally');
    default:
      return h('span', { class: 'error' }, p.error || p.kind);
  }
}

// ---- orders: the product's own view, and the charts of a load test --------------------------

/** The saga's executions are named by order id: the orders are the saga's executions. */
async function ordersView() {
  const search = h('input', { id: 'order-search', placeholder: 'order id', size: 40 });
  search.addEventListener('keydown', e => { if (e.key === 'Enter' && search.value) location.hash = 'order/' + encodeURIComponent(search.value.trim()); });
  const charts = h('div', { id: 'charts' });
  show(h('h2', {}, 'Orders'),
    h('div', { class: 'toolbar' }, search, h('button', { onclick: () => { if (search.value) location.hash = 'order/' + encodeURIComponent(search.value.trim()); } }, 'Open')),
    charts);
  const draw = async () => {
    const data = await get('executions?limit=1000');
    charts.replaceChildren(...orderCharts(data.executions));
    refreshTimer = setTimeout(() => draw().catch(failed), 2000);
  };
  await draw();
}

function orderCharts(executions) {
  const now = Date.now() / 1000;
  const finished = executions.filter(e => e.stopDate).map(e => e.stopDate - e.startDate);
  // orders per second: sagas started in each of the last 60 seconds
  const perSecond = new Array(60).fill(0);
  for (const e of executions) {
    const ago = Math.floor(now - e.startDate);
    if (ago >= 0 && ago < 60) perSecond[59 - ago]++;
  }
  // saga latency: start to end of the finished sagas, in 20 buckets up to the slowest
  const max = Math.max(1, ...finished);
  const width = max / 20;
  const buckets = new Array(20).fill(0);
  finished.forEach(l => buckets[Math.min(19, Math.floor(l / width))]++);
  const running = executions.filter(e => e.status === 'RUNNING').length;
  const sorted = [...finished].sort((a, b) => a - b);
  const pct = p => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2) + ' s' : '–';
  return [
    h('p', { class: 'muted' }, `${executions.length} recent sagas · ${running} running · latency p50 ${pct(0.5)}, p95 ${pct(0.95)}, p99 ${pct(0.99)}`),
    h('div', { class: 'charts' },
      h('div', { class: 'panel' }, h('h3', {}, 'Orders per second (sagas started, last 60 s)'),
        bars('orders-per-second', perSecond, i => `${59 - i} s ago`, '-60 s', 'now')),
      h('div', { class: 'panel' }, h('h3', {}, 'Saga latency (start to end)'),
        bars('latency', buckets, i => `${(i * width).toFixed(1)}–${((i + 1) * width).toFixed(1)} s`, '0 s', max.toFixed(1) + ' s'))),
    h('h3', {}, 'Recent orders'),
    h('table', { id: 'orders' }, h('tr', {}, ['order', 'saga', 'started', 'took'].map(t => h('th', {}, t))),
      executions.slice(0, 50).map(e => h('tr', { class: 'clickable', 'data-order': e.name, onclick: () => { location.hash = 'order/' + encodeURIComponent(e.name); } },
        h('td', {}, e.name), h('td', { class: 'status ' + e.status }, e.status), h('td', {}, when(e.startDate)),
        h('td', {}, e.stopDate ? (e.stopDate - e.startDate).toFixed(2) + ' s' : '')))),
  ];
}

/** A bar chart as SVG: one bar per value, a tooltip per bar, the axis's two ends labelled. */
function bars(id, values, label, from, to) {
  const W = 420, H = 140, top = Math.max(1, ...values), bw = W / values.length;
  const svg = s('svg', { id, class: 'chart', width: W, height: H + 18, viewBox: `0 0 ${W} ${H + 18}` });
  values.forEach((v, i) => {
    const bh = (v / top) * (H - 14);
    const bar = s('rect', { x: i * bw + 1, y: H - bh, width: Math.max(1, bw - 2), height: bh, class: 'bar' });
    bar.append(s('title', {}, `${label(i)}: ${v}`));
    svg.append(bar);
  });
  svg.append(s('text', { x: 0, y: 10, class: 'axis' }, `max ${top}`));
  svg.append(s('line', { x1: 0, y1: H, x2: W, y2: H, class: 'base' }));
  svg.append(s('text', { x: 0, y: H + 14, class: 'axis' }, from));
  svg.append(s('text', { x: W, y: H + 14, class: 'axis', 'text-anchor': 'end' }, to));
  return svg;
}

/** An order's timeline (its EVENT# items in the orders table) next to its saga's graph. */
async function orderView(id) {
  const [tables, executions] = await Promise.all([get('tables'), get('executions?name=' + encodeURIComponent(id))]);
  const ordersTable = tables.tables.find(t => /DataOrders(?!.*Archive)/.test(t.name) && !/Archive/.test(t.name));
  const items = ordersTable
    ? (await get('tables/' + encodeURIComponent(ordersTable.name) + '/items?limit=100&key=' + encodeURIComponent('ORDER#' + id))).items.map(plainItem)
    : [];
  const order = items.find(i => i.sk === 'ORDER');
  const events = items.filter(i => String(i.sk).startsWith('EVENT#'));
  const saga = executions.executions.find(e => e.name === id);
  const left = h('div', { class: 'panel' },
    h('h3', {}, 'Timeline'),
    order ? h('p', {}, 'Status ', h('b', { id: 'order-status' }, order.status), order.reason ? h('span', { class: 'muted' }, ' · ' + order.reason) : null) : h('p', { class: 'muted' }, 'No order ' + id + ' in the orders table.'),
    h('table', { id: 'timeline' }, h('tr', {}, ['status', 'at', 'detail'].map(t => h('th', {}, t))),
      events.map(e => h('tr', {}, h('td', {}, e.status), h('td', {}, String(e.at).replace('T', ' ').replace('Z', '')), h('td', {}, e.detail)))));
  const right = h('div', { class: 'panel' });
  show(h('p', {}, h('a', { href: '#orders' }, '← orders')), h('h2', {}, 'Order ', id),
    h('div', { class: 'split order' }, left, right));
  if (!saga) {
    right.append(h('p', { class: 'muted' }, 'No saga execution is named ' + id + '.'));
    return;
  }
  const data = await get('execution?arn=' + encodeURIComponent(saga.executionArn));
  right.append(h('h3', {}, 'Saga ', h('a', { href: '#execution/' + encodeURIComponent(saga.executionArn) }, data.execution.status)),
    drawGraph(data.definition, data.states, () => { location.hash = 'execution/' + encodeURIComponent(saga.executionArn); }));
  if (data.execution.status === 'RUNNING') refreshTimer = setTimeout(() => orderView(id).catch(failed), 1500);
}
