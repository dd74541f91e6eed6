/* The chart's own script (run once per chart, after plotly draws it; no library, no network):
   labels for the current zoom, the "N earlier / later events" edges, and the detail card.
   Data comes from layout.meta.timeline (chart.py). Label and hover strings arrive escaped for
   plotly; the card's strings are plain and set with textContent only. */
var gd = document.getElementById('{plot_id}');
var T = gd.layout.meta && gd.layout.meta.timeline;
if (!T) { return; }
var DAY = 864e5, L = T.labels;

function edgeText(n, side) {
  var word = n === 1 ? ' event' : ' events';
  return side === 'earlier' ? '\u25c0 ' + n + ' earlier' + word : n + ' later' + word + ' \u25b6';
}

function edgeIndex(name) {
  var notes = gd.layout.annotations || [];
  for (var i = 0; i < notes.length; i++) { if (notes[i].name === name) { return i; } }
  return -1;
}

/* Labels whose zoom threshold (pixels per day) the view reaches, anchored inside it; the
   thresholds are sorted, so the loop stops at the first one too far in. */
function refresh() {
  var ax = gd._fullLayout.xaxis;
  if (!ax || !ax.range) { return; }
  var lo = ax.r2l(ax.range[0]) / DAY, hi = ax.r2l(ax.range[1]) / DAY;
  var scale = ax._length / Math.max(hi - lo, 1e-9);
  var hidden = {};  // types switched off in a legend: their labels go too
  gd.data.forEach(function (t) { if (t.legendgroup && (t.visible === 'legendonly' || t.visible === false)) { hidden[t.legendgroup] = true; } });
  var xs = [], ys = [], texts = [];
  for (var i = 0; i < L.day.length && L.threshold[i] <= scale; i++) {
    if (L.day[i] >= lo - 1 && L.day[i] <= hi && !hidden[L.type[i]]) { xs.push(L.x[i]); ys.push(L.y[i]); texts.push(L.text[i]); }
  }
  var earlier = 0, later = 0;
  for (var j = 0; j < T.starts.length; j++) {
    if (T.ends[j] <= lo) { earlier++; } else if (T.starts[j] > hi) { later++; }
  }
  // new x data clears the axis type and range (plotly's editType clearAxisTypes): keep them
  var layout = {'xaxis.type': 'date', 'xaxis2.type': 'date', 'xaxis.range': ax.range.slice()};
  var e = edgeIndex('earlier'), l = edgeIndex('later');
  if (e >= 0) { layout['annotations[' + e + '].text'] = edgeText(earlier, 'earlier'); layout['annotations[' + e + '].visible'] = earlier > 0; }
  if (l >= 0) { layout['annotations[' + l + '].text'] = edgeText(later, 'later'); layout['annotations[' + l + '].visible'] = later > 0; }
  gd.timelineLabels = Plotly.update(gd, {x: [xs], y: [ys], text: [texts]}, layout, [T.label_trace]);
  return gd.timelineLabels;
}

var updating = false;
gd.on('plotly_relayout', function (change) {
  if (updating || !change) { return; }
  var keys = Object.keys(change).join(' ');
  if (!/xaxis|autosize|width|height/.test(keys)) { return; }
  updating = true;
  Promise.resolve(refresh()).then(function () { updating = false; }, function () { updating = false; });
});
gd.on('plotly_restyle', function () { if (!updating) { refresh(); } });
gd.on('plotly_clickannotation', function (ev) {
  var name = ev.annotation && ev.annotation.name;
  if ((name === 'earlier' || name === 'later') && T.all) { Plotly.relayout(gd, {'xaxis.range': T.all}); }
});

/* The detail card: headline, date and precision, type, status, places, every source as a link,
   the sentence the event was read from. */
var card = document.createElement('div');
card.className = 'timeline-card';
card.setAttribute('role', 'dialog');
card.setAttribute('aria-label', 'Event details');
card.tabIndex = -1;
card.hidden = true;
card.style.cssText = 'position:absolute;top:44px;right:8px;z-index:10;box-sizing:border-box;' +
  'width:min(24rem,calc(100% - 16px));max-height:calc(100% - 60px);overflow:auto;background:#fff;' +
  'border:1px solid #aab7b8;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.18);padding:.6rem .8rem;' +
  'font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2631;overflow-wrap:anywhere;';
var holder = gd.parentNode;
if (getComputedStyle(holder).position === 'static') { holder.style.position = 'relative'; }
holder.appendChild(card);

function add(parent, tag, text, css) {
  var node = document.createElement(tag);
  if (text) { node.textContent = text; }
  if (css) { node.style.cssText = css; }
  parent.appendChild(node);
  return node;
}

function closeCard() { card.hidden = true; }

function openCard(d) {
  card.textContent = '';
  var close = add(card, 'button', '\u00d7', 'float:right;border:0;background:none;font-size:1.3rem;line-height:1;cursor:pointer;color:#4d5656;');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', closeCard);
  add(card, 'h3', d.headline, 'margin:0 1.5rem .3rem 0;font-size:1.02rem;');
  add(card, 'p', d.date + ' (known ' + d.precision + ')' + (d.also && d.also.length ? '; sources also give ' + d.also.join(', ') : ''), 'margin:.1rem 0;color:#4d5656;');
  add(card, 'p', d.type + ' \u00b7 ' + d.status, 'margin:.1rem 0;');
  if (d.places && d.places.length) { add(card, 'p', 'Where: ' + d.places.join(', '), 'margin:.1rem 0;'); }
  if (d.evidence) { add(card, 'blockquote', d.evidence, 'margin:.4rem 0;padding-left:.6rem;border-left:3px solid #d5d8dc;color:#4d5656;font-size:.9rem;'); }
  var list = add(card, 'ul', '', 'margin:.3rem 0 0;padding-left:1.1rem;font-size:.9rem;');
  (d.sources || []).forEach(function (s) {
    var item = add(list, 'li');
    if (/^https?:\/\//i.test(s[1])) {
      var a = add(item, 'a', s[0]);
      a.href = s[1]; a.target = '_blank'; a.rel = 'noopener noreferrer';
    } else { item.textContent = s[0]; }
    if (s[2]) { add(item, 'span', ' (' + s[2] + ')'); }
  });
  card.hidden = false;
  card.focus();
}

gd.on('plotly_click', function (ev) {
  var p = ev.points && ev.points[0];
  var d = p && p.customdata && p.customdata[9];
  if (d && typeof d === 'object') { openCard(d); }
});
card.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { closeCard(); } });
refresh();
