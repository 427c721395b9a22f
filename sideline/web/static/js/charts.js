// sideline serve: the charts and the network, drawn with the vendored d3 (static/vendor/d3).
// Every text goes in with .text() (never as HTML); the data comes from the page's
// <script type="application/json" id="page-data"> block, which the server escapes.
(function () {
  "use strict";
  var COLOURS = {
    occurred: "#1b7837", planned: "#2166ac", proposed: "#67a9cf", ruled_out: "#b2182b",
    postponed: "#e08214", cancelled: "#d6604d", denied: "#762a83", uncertain: "#878787",
    meet: "#1b9e77", talks: "#d95f02", visit: "#7570b3", host: "#e7298a", phone_call: "#66a61e",
    multilateral: "#e6ab02", other_consult: "#a6761d"
  };
  var ORDER = ["occurred", "planned", "proposed", "uncertain", "postponed", "cancelled", "denied", "ruled_out",
               "meet", "talks", "visit", "host", "phone_call", "multilateral", "other_consult", "unknown"];
  function colour(s) { return COLOURS[s] || "#999"; }

  function pageData() {
    var node = document.getElementById("page-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  // a TIMEX-style value (2024, 2024-09, 2024-09-26) as a Date, else null
  function parseDate(v) {
    if (!v) return null;
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v);
    if (!m || (m[2] && !/^\d{2}$/.test(m[2]))) return null;
    return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
  }

  function frame(el, height) {
    var width = Math.max(el.clientWidth || 800, 320);
    var svg = d3.select(el).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("width", "100%").attr("height", height).attr("role", "img");
    return { svg: svg, width: width, height: height };
  }

  function legend(svg, statuses, x, y) {
    var g = svg.append("g").attr("class", "legend").attr("transform", "translate(" + x + "," + y + ")");
    statuses.forEach(function (s, i) {
      var item = g.append("g").attr("transform", "translate(" + (i * 96) + ",0)");
      item.append("rect").attr("width", 10).attr("height", 10).attr("fill", colour(s));
      item.append("text").attr("x", 14).attr("y", 9).text(s.replace("_", " "));
    });
  }

  function done(el, n) { el.setAttribute("data-drawn", String(n)); }

  // dots on a time axis: items [{date, status, label, href}]
  function dots(el, items) {
    var pts = items.map(function (d) { return Object.assign({ t: parseDate(d.date) }, d); })
      .filter(function (d) { return d.t; });
    if (!pts.length) { d3.select(el).append("p").attr("class", "muted").text("No dated claims to draw."); done(el, 0); return; }
    var f = frame(el, 150), m = { l: 30, r: 30, t: 28, b: 30 };
    var ext = d3.extent(pts, function (d) { return d.t; });
    if (+ext[0] === +ext[1]) { ext = [d3.timeDay.offset(ext[0], -15), d3.timeDay.offset(ext[1], 15)]; }
    var x = d3.scaleUtc().domain(ext).nice().range([m.l, f.width - m.r]);
    f.svg.append("g").attr("transform", "translate(0," + (f.height - m.b) + ")").call(d3.axisBottom(x).ticks(6));
    var lanes = {};
    var g = f.svg.append("g").attr("class", "marks");
    pts.forEach(function (d) {
      var k = Math.round(x(d.t) / 12); lanes[k] = (lanes[k] || 0) + 1;
      var a = g.append("a").attr("href", d.href || null);
      a.append("circle").attr("cx", x(d.t)).attr("cy", f.height - m.b - 12 - (lanes[k] - 1) * 13 % 90)
        .attr("r", 6).attr("fill", colour(d.status)).attr("data-status", d.status)
        .append("title").text((d.label ? d.label + ": " : "") + d.status + " · " + d.date);
    });
    legend(f.svg, ORDER.filter(function (s) { return pts.some(function (d) { return d.status === s; }); }), m.l, 6);
    done(el, pts.length);
  }

  // stacked bars: rows [{month, status, mentions}]
  function months(el, rows) {
    if (!rows.length) { d3.select(el).append("p").attr("class", "muted").text("No dated mentions to draw."); done(el, 0); return; }
    var byMonth = d3.rollup(rows, function (v) {
      var o = {}; v.forEach(function (r) { o[r.status] = (o[r.status] || 0) + r.mentions; }); return o;
    }, function (r) { return r.month; });
    var statuses = ORDER.filter(function (s) { return rows.some(function (r) { return r.status === s; }); });
    var data = Array.from(byMonth, function (e) { return Object.assign({ month: parseDate(e[0]) }, e[1]); })
      .sort(function (a, b) { return a.month - b.month; });
    var series = d3.stack().keys(statuses).value(function (d, k) { return d[k] || 0; })(data);
    var f = frame(el, 220), m = { l: 40, r: 20, t: 28, b: 30 };
    var first = data[0].month, last = d3.utcMonth.offset(data[data.length - 1].month, 1);
    var short = 12 - d3.utcMonth.count(first, last);  // fewer than 12 months: pad, so a bar stays a month wide
    if (short > 0) { first = d3.utcMonth.offset(first, -Math.floor(short / 2)); last = d3.utcMonth.offset(last, Math.ceil(short / 2)); }
    var x = d3.scaleUtc().domain([first, last]).range([m.l, f.width - m.r]);
    var y = d3.scaleLinear().domain([0, d3.max(series[series.length - 1], function (d) { return d[1]; })]).nice()
      .range([f.height - m.b, m.t]);
    f.svg.append("g").attr("transform", "translate(0," + (f.height - m.b) + ")").call(d3.axisBottom(x).ticks(8));
    f.svg.append("g").attr("transform", "translate(" + m.l + ",0)").call(d3.axisLeft(y).ticks(4));
    var w = function (d) { return Math.max(1, x(d3.utcMonth.offset(d.data.month, 1)) - x(d.data.month) - 1); };
    f.svg.append("g").attr("class", "marks").selectAll("g").data(series).join("g")
      .attr("fill", function (s) { return colour(s.key); }).attr("data-status", function (s) { return s.key; })
      .selectAll("rect").data(function (s) { return s; }).join("rect")
      .attr("x", function (d) { return x(d.data.month); }).attr("width", w)
      .attr("y", function (d) { return y(d[1]); }).attr("height", function (d) { return y(d[0]) - y(d[1]); })
      .append("title").text(function (d) { return d3.utcFormat("%Y-%m")(d.data.month) + ": " + (d[1] - d[0]); });
    legend(f.svg, statuses, m.l, 6);
    done(el, data.length);
  }

  // a force-directed network: {nodes: [{id, events, ego}], edges: [{source, target, events, status}]}
  function network(el, net, ego) {
    if (!net.nodes || net.nodes.length < 2) { d3.select(el).append("p").attr("class", "muted").text("No counterparts yet."); done(el, 0); return; }
    var nodes = net.nodes.map(function (n) { return Object.assign({}, n); });
    var links = net.edges.map(function (e) { return Object.assign({}, e); });
    var f = frame(el, 460);
    var maxE = d3.max(links, function (l) { return l.events; }) || 1;
    var width = d3.scaleSqrt().domain([1, maxE]).range([1, 9]);
    var radius = d3.scaleSqrt().domain([1, d3.max(nodes, function (n) { return n.events || 1; }) || 1]).range([5, 16]);
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(function (l) { return l.source.id === ego || l.target.id === ego ? 140 : 90; }))
      .force("charge", d3.forceManyBody().strength(-260))
      .force("center", d3.forceCenter(f.width / 2, f.height / 2))
      .force("collide", d3.forceCollide(24)).stop();
    for (var i = 0; i < 300; i++) sim.tick();
    nodes.forEach(function (n) { n.x = Math.max(20, Math.min(f.width - 20, n.x)); n.y = Math.max(20, Math.min(f.height - 20, n.y)); });
    f.svg.append("g").attr("class", "edges").selectAll("line").data(links).join("line")
      .attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; })
      .attr("stroke", function (l) { return colour(l.status); }).attr("stroke-opacity", 0.7)
      .attr("stroke-width", function (l) { return width(l.events); }).attr("data-status", function (l) { return l.status; })
      .append("title").text(function (l) { return l.source.id + " – " + l.target.id + ": " + l.events + " events, mostly " + l.status; });
    var node = f.svg.append("g").attr("class", "nodes").selectAll("a").data(nodes).join("a")
      .attr("href", function (n) { return "/actor/" + encodeURIComponent(n.id); })
      .attr("class", function (n) { return n.ego ? "node ego" : "node"; });
    node.append("circle").attr("cx", function (n) { return n.x; }).attr("cy", function (n) { return n.y; })
      .attr("r", function (n) { return n.ego ? 18 : radius(n.events || 1); });
    node.append("text").attr("x", function (n) { return n.x; }).attr("y", function (n) { return n.y - (n.ego ? 22 : radius(n.events || 1) + 4); })
      .attr("text-anchor", "middle").text(function (n) { return n.id; });
    done(el, nodes.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = pageData(), el;
    if ((el = document.getElementById("claims-chart"))) {
      dots(el, (data.timeline || []).map(function (c) {
        return { date: c.published, status: c.status, label: c.attributed_to || c.article, href: "#claim-" + c.mention_id };
      }));
    }
    if ((el = document.getElementById("timeline-chart"))) months(el, data.months || []);
    if ((el = document.getElementById("counts-chart"))) {
      months(el, (data.counts || []).filter(function (r) { return r.month; }).map(function (r) {
        return { month: r.month, status: r[data.by] || "unknown", mentions: r.events };
      }));
    }
    if ((el = document.getElementById("network"))) network(el, data.network || {}, data.ego);
    if ((el = document.getElementById("story-chart"))) {
      dots(el, (data.steps || []).map(function (s) {
        return { date: s.date, status: s.status, label: s.type, href: "#step-" + s.event_id };
      }));
    }
  });
})();
