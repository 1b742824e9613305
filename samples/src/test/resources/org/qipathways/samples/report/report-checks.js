// Runs in a page that holds the report in <iframe id="report"> (so that the report is laid out at
// exactly the iframe's width, narrower than a headless window can be): measures the laid-out
// report and writes what it finds as JSON into <pre id="qip-checks"> of this page, for
// ReportInBrowserTest to read from the dumped DOM.
window.addEventListener('load', function () {
  var frame = document.getElementById('report');
  var win = frame.contentWindow;
  var doc = frame.contentDocument;
  var getComputedStyle = win.getComputedStyle.bind(win);
  var out = {viewport: win.innerWidth, scrollWidth: 0, overflow: [], smallText: [], overlaps: [],
    noAlternative: [], oneWordPerLine: [], splitDates: [], svgs: 0, texts: 0};
  function name(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.className && typeof el.className === 'string') s += '.' + el.className.split(' ').join('.');
    var svg = el.closest && el.closest('svg');
    if (svg && svg !== el && svg.id) s = 'svg#' + svg.id + ' ' + s;
    var text = (el.textContent || '').trim().slice(0, 40);
    return text ? s + ' "' + text + '"' : s;
  }
  function visible(el) {
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }
  // Folded tables are opened, so that they are measured too.
  doc.querySelectorAll('details').forEach(function (d) { d.open = true; });
  var vw = doc.documentElement.clientWidth;
  out.viewport = vw;
  out.scrollWidth = doc.documentElement.scrollWidth;

  // 1. Nothing wider than the viewport unless inside a horizontal scroller.
  function inScroller(el) {
    for (var p = el.parentElement; p && p !== doc.body; p = p.parentElement) {
      var o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return p.getBoundingClientRect().right <= vw + 0.5;
    }
    return false;
  }
  doc.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') return;
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !inScroller(el)) out.overflow.push(name(el));
  });

  // 2. Text in charts at least 10 px as rendered; 3. no label over a point marker; 4. text alternatives.
  var svgs = Array.prototype.filter.call(doc.querySelectorAll('svg'), function (s) {
    return !s.parentElement.closest('svg') && visible(s);
  });
  out.svgs = svgs.length;
  svgs.forEach(function (svg) {
    // Point markers: circles, and JFreeSVG's dots (small closed curved paths).
    var points = Array.prototype.filter.call(svg.querySelectorAll('circle, ellipse, path'), function (c) {
      if (c.tagName.toLowerCase() !== 'path') return true;
      var bb = c.getBBox();
      return /C/.test(c.getAttribute('d') || '') && bb.width >= 4 && bb.width <= 12 && bb.height >= 4 && bb.height <= 12;
    }).map(function (c) { return c.getBoundingClientRect(); }).filter(function (r) { return r.width > 0; });
    svg.querySelectorAll('text').forEach(function (t) {
      if (!t.textContent.trim() || !visible(t)) return;
      out.texts++;
      var m = t.getScreenCTM();
      var scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      var px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 10 - 1e-6) out.smallText.push(name(t) + ' ' + px.toFixed(1) + 'px');
      // The glyphs' box, trimmed of the font's ascent and descent padding.
      var b = t.getBoundingClientRect();
      var pad = b.height * 0.15;
      points.forEach(function (p) {
        if (p.left < b.right && p.right > b.left && p.top < b.bottom - pad && p.bottom > b.top + pad) {
          out.overlaps.push(name(t) + ' over a point at ' + Math.round(p.left) + ',' + Math.round(p.top));
        }
      });
    });
    var alt = '';
    var title = svg.querySelector(':scope > title');
    var desc = svg.querySelector(':scope > desc');
    if (title) alt += title.textContent + ' ';
    if (desc) alt += desc.textContent + ' ';
    if (svg.getAttribute('aria-label')) alt += svg.getAttribute('aria-label') + ' ';
    var fig = svg.closest('figure');
    var cap = fig && fig.querySelector('figcaption');
    if (cap) alt += cap.textContent;
    if (!/\d/.test(alt) || svg.getAttribute('role') !== 'img') out.noAlternative.push(name(svg));
  });

  // 5. Table cells: no one word per line; dates anywhere on one line.
  doc.querySelectorAll('td, th').forEach(function (cell) {
    var words = cell.textContent.trim().split(/\s+/).filter(Boolean);
    if (words.length < 3) return;
    var lh = parseFloat(getComputedStyle(cell).lineHeight) || parseFloat(getComputedStyle(cell).fontSize) * 1.2;
    var range = doc.createRange();
    range.selectNodeContents(cell);
    var lines = Math.round(range.getBoundingClientRect().height / lh);
    if (lines >= words.length) out.oneWordPerLine.push(name(cell) + ' ' + lines + ' lines');
  });
  var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  var re = /\d{4}-\d{2}-\d{2}/g;
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg, pre, script')) continue;
    var m2;
    re.lastIndex = 0;
    while ((m2 = re.exec(node.data)) !== null) {
      var rg = doc.createRange();
      rg.setStart(node, m2.index);
      rg.setEnd(node, m2.index + m2[0].length);
      var rects = Array.prototype.filter.call(rg.getClientRects(), function (r) { return r.width > 0; });
      var top = rects.length ? rects[0].top : 0;
      if (rects.some(function (r) { return Math.abs(r.top - top) > 2; })) {
        out.splitDates.push(name(node.parentElement) + ' ' + m2[0]);
      }
    }
  }
  var pre = document.createElement('pre');
  pre.id = 'qip-checks';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
