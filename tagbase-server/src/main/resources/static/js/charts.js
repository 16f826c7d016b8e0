// Draws the console's charts with Apache ECharts from data-* attributes (no inline scripts: CSP).
//  - #size-chart: a saved segment's size, data inline.
//  - [data-chart][data-src]: an analytics figure fetched as JSON from data-src ({facts, columns,
//    rows}, see io.tagbase.analytics.Figure), drawn by the builder named in data-chart. A
//    .chart-png button next to it downloads the chart as PNG; the CSV link is a plain <a>.
(function () {
  "use strict";

  var english = function () {
    return (document.documentElement.lang || "").indexOf("en") === 0;
  };

  function init(el) {
    return echarts.init(el, null, { locale: english() ? "EN" : "ZH" });
  }

  function sizeChart() {
    var el = document.getElementById("size-chart");
    if (!el || el.dataset.rendered) {
      return;
    }
    var days = el.dataset.days ? el.dataset.days.split(",") : [];
    var sizes = el.dataset.sizes ? el.dataset.sizes.split(",").map(Number) : [];
    var chart = init(el);
    chart.setOption({
      tooltip: { trigger: "axis" },
      toolbox: { feature: { saveAsImage: {} } },
      xAxis: { type: "category", data: days },
      yAxis: { type: "value" },
      series: [{ name: el.dataset.label, type: "line", data: sizes, smooth: true, areaStyle: {} }]
    });
    el.dataset.rendered = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function unique(values) {
    var seen = [];
    values.forEach(function (v) {
      if (seen.indexOf(v) < 0) {
        seen.push(v);
      }
    });
    return seen;
  }

  function pct(x) {
    return (Math.round(x * 1000) / 10) + "%";
  }

  function num(x) {
    return x == null ? "–" : Number(x).toLocaleString();
  }

  // Each builder turns a figure into an ECharts option; its series' data is what a test checks.
  var builders = {
    bar: function (fig, el) {
      var x = el.dataset.x || "label";
      var y = el.dataset.y || "customers";
      return {
        tooltip: { trigger: "axis" },
        grid: { left: 60, right: 20, bottom: 80 },
        xAxis: { type: "category", data: fig.rows.map(function (r) { return r[x]; }),
          axisLabel: { rotate: fig.rows.length > 6 ? 30 : 0, interval: 0 } },
        yAxis: { type: "value" },
        series: [{ name: el.dataset.seriesName || y, type: "bar",
          data: fig.rows.map(function (r) { return r[y]; }), label: { show: fig.rows.length <= 12, position: "top" } }]
      };
    },
    pie: function (fig, el) {
      return {
        tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
        legend: { bottom: 0, type: "scroll" },
        series: [{ name: el.dataset.seriesName, type: "pie", radius: ["35%", "65%"],
          data: fig.rows.map(function (r) { return { name: r.label, value: r.customers }; }) }]
      };
    },
    line: function (fig) {
      var days = unique(fig.rows.map(function (r) { return r.day; }));
      var keys = unique(fig.rows.map(function (r) { return r.key; }));
      return {
        tooltip: { trigger: "axis" },
        legend: { bottom: 0, type: "scroll" },
        grid: { left: 60, right: 20, bottom: 50 },
        xAxis: { type: "category", data: days },
        yAxis: { type: "value" },
        series: keys.map(function (k) {
          var rows = fig.rows.filter(function (r) { return r.key === k; });
          return { name: rows[0].label, type: "line", smooth: true,
            data: rows.map(function (r) { return r.customers; }) };
        })
      };
    },
    heatmap: function (fig, el) {
      var cols = unique(fig.rows.map(function (r) { return r.columnLabel; }));
      var rows = unique(fig.rows.map(function (r) { return r.rowLabel; }));
      var max = 0;
      var data = fig.rows.map(function (r) {
        max = Math.max(max, r.customers);
        return [cols.indexOf(r.columnLabel), rows.indexOf(r.rowLabel), r.customers];
      });
      return {
        tooltip: { position: "top", formatter: function (p) {
          return rows[p.value[1]] + " × " + cols[p.value[0]] + ": " + num(p.value[2]); } },
        grid: { left: 110, right: 90, top: 30, bottom: 50 },
        xAxis: { type: "category", data: cols, name: fig.facts.columnTagLabel, nameLocation: "middle", nameGap: 30, splitArea: { show: true } },
        yAxis: { type: "category", data: rows, name: fig.facts.rowTagLabel, inverse: true, splitArea: { show: true } },
        visualMap: { min: 0, max: Math.max(max, 1), calculable: true, orient: "vertical", right: 0, top: "middle" },
        series: [{ name: el.dataset.seriesName, type: "heatmap", data: data, label: { show: true } }]
      };
    },
    sankey: function (fig) {
      // a stage appears on both sides: the "before" node gets an invisible mark to stay distinct
      var before = function (label) { return label + "\u200b"; };
      var names = [];
      fig.rows.forEach(function (r) {
        if (names.indexOf(before(r.fromLabel)) < 0) { names.push(before(r.fromLabel)); }
        if (names.indexOf(r.toLabel) < 0) { names.push(r.toLabel); }
      });
      return {
        tooltip: { trigger: "item" },
        series: [{ type: "sankey", emphasis: { focus: "adjacency" }, nodeAlign: "justify",
          data: names.map(function (n) { return { name: n }; }),
          links: fig.rows.map(function (r) {
            return { source: before(r.fromLabel), target: r.toLabel, value: r.customers }; }),
          lineStyle: { color: "gradient", curveness: 0.5 } }]
      };
    },
    tgi: function (fig, el) {
      var top = fig.rows.filter(function (r) { return r.tgi != null && (r.inSegment || r.both) > 0; })
        .sort(function (a, b) { return b.tgi - a.tgi; }).slice(0, Number(el.dataset.limit || 15)).reverse();
      return {
        tooltip: { trigger: "axis" },
        grid: { left: 160, right: 40, top: 10, bottom: 30 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: top.map(function (r) { return r.label; }) },
        series: [{ name: "TGI", type: "bar", data: top.map(function (r) { return r.tgi; }),
          label: { show: true, position: "right" },
          markLine: { symbol: "none", data: [{ xAxis: 100 }], lineStyle: { type: "dashed" } } }]
      };
    },
    jaccard: function (fig, el) {
      var top = fig.rows.filter(function (r) { return r.both > 0 && r.value === ""; })
        .slice(0, Number(el.dataset.limit || 10)).reverse();
      return {
        tooltip: { trigger: "axis", formatter: function (ps) {
          var r = top[ps[0].dataIndex];
          return r.label + "<br>" + num(r.both) + " · Jaccard " + pct(r.jaccard); } },
        grid: { left: 160, right: 50, top: 10, bottom: 30 },
        xAxis: { type: "value", max: 1, axisLabel: { formatter: pct } },
        yAxis: { type: "category", data: top.map(function (r) { return r.label; }) },
        series: [{ name: "Jaccard", type: "bar", data: top.map(function (r) { return r.jaccard; }),
          label: { show: true, position: "right", formatter: function (p) { return pct(p.value); } } }]
      };
    },
    pairs: function (fig) {
      var rows = fig.rows.slice().sort(function (a, b) { return a.jaccard - b.jaccard; });
      return {
        tooltip: { trigger: "axis", formatter: function (ps) {
          var r = rows[ps[0].dataIndex];
          return r.aLabel + " ∩ " + r.bLabel + "<br>" + num(r.both) + " · Jaccard " + pct(r.jaccard); } },
        grid: { left: 220, right: 60, top: 10, bottom: 30 },
        xAxis: { type: "value", max: 1, axisLabel: { formatter: pct } },
        yAxis: { type: "category", data: rows.map(function (r) { return r.aLabel + " ∩ " + r.bLabel; }),
          axisLabel: { width: 200, overflow: "truncate" } },
        series: [{ name: "Jaccard", type: "bar", data: rows.map(function (r) { return r.jaccard; }),
          label: { show: true, position: "right", formatter: function (p) {
            return num(rows[p.dataIndex].both) + " · " + pct(p.value); } } }]
      };
    },
    share: function (fig, el) {
      return {
        tooltip: { trigger: "axis", valueFormatter: pct },
        legend: { bottom: 0 },
        grid: { left: 60, right: 20, top: 20, bottom: 60 },
        xAxis: { type: "category", data: fig.rows.map(function (r) { return r.label; }),
          axisLabel: { interval: 0, rotate: fig.rows.length > 6 ? 30 : 0 } },
        yAxis: { type: "value", axisLabel: { formatter: pct } },
        series: [
          { name: el.dataset.inLabel, type: "bar", data: fig.rows.map(function (r) { return r.segmentShare; }),
            label: { show: true, position: "top", formatter: function (p) {
              var t = fig.rows[p.dataIndex].tgi;
              return t == null ? "" : "TGI " + Math.round(t); } } },
          { name: el.dataset.overallLabel, type: "bar", data: fig.rows.map(function (r) { return r.overallShare; }) }
        ]
      };
    },
    conversion: function (fig, el) {
      return {
        title: { text: (el.dataset.differenceLabel || "") + " " + fig.facts.difference + " pp · z " +
          (fig.facts.zScore == null ? "–" : fig.facts.zScore), left: "center", textStyle: { fontSize: 13 } },
        tooltip: { trigger: "axis", formatter: function (ps) {
          var r = fig.rows[ps[0].dataIndex];
          return r.label + "<br>" + num(r.converted) + " / " + num(r.customers) + " = " + pct(r.rate); } },
        grid: { left: 60, right: 20, top: 70, bottom: 40 },
        xAxis: { type: "category", data: fig.rows.map(function (r) { return r.label; }) },
        yAxis: { type: "value", axisLabel: { formatter: pct } },
        series: [{ name: fig.facts.event, type: "bar", data: fig.rows.map(function (r) { return r.rate; }),
          label: { show: true, position: "top", formatter: function (p) {
            var r = fig.rows[p.dataIndex];
            return pct(r.rate) + " (" + num(r.converted) + "/" + num(r.customers) + ")"; } } }]
      };
    },
    change: function (fig, el) {
      var labels = fig.rows.map(function (r) { return r.label; });
      return {
        tooltip: { trigger: "axis" },
        legend: { bottom: 0 },
        grid: { left: 60, right: 20, bottom: 60 },
        xAxis: { type: "category", data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
        yAxis: { type: "value" },
        series: [
          { name: (el.dataset.beforeLabel || "before") + (fig.facts.beforeDay ? " " + fig.facts.beforeDay : ""),
            type: "bar", data: fig.rows.map(function (r) { return r.before; }) },
          { name: el.dataset.nowLabel || "now", type: "bar", data: fig.rows.map(function (r) { return r.now; }),
            label: { show: true, position: "top", formatter: function (p) {
              var c = fig.rows[p.dataIndex].change;
              return c == null ? "" : (c > 0 ? "+" : "") + num(c); } } }
        ]
      };
    },
    venn: function (fig, el) {
      // up to three sets as circles with the count of each region; every region also as a bar
      var keys = fig.facts.keys || [];
      var regions = {};
      fig.rows.forEach(function (r) { regions[r.sets] = r.customers; });
      var graphics = [];
      if (keys.length <= 3) {
        var centers = keys.length === 2 ? [[-0.45, 0], [0.45, 0]] : [[-0.45, -0.3], [0.45, -0.3], [0, 0.45]];
        var colors = ["rgba(84,112,198,0.35)", "rgba(238,102,102,0.35)", "rgba(145,204,117,0.35)"];
        var r = 70;
        var cx = 170;
        var cy = 165;
        keys.forEach(function (k, i) {
          graphics.push({ type: "circle", shape: { cx: cx + centers[i][0] * r * 1.3, cy: cy + centers[i][1] * r * 1.3, r: r },
            style: { fill: colors[i], stroke: "#666" } });
          var row = fig.rows.filter(function (x) { return x.sets === k; })[0];
          var below = centers[i][1] > 0;
          graphics.push({ type: "text", style: { text: row ? row.label : k, fontSize: 12, align: "center",
            verticalAlign: below ? "top" : "bottom",
            x: cx + centers[i][0] * r * 1.3, y: cy + centers[i][1] * r * 1.3 + (below ? r + 4 : -r - 4) } });
        });
        fig.rows.forEach(function (row) {
          var members = row.sets.split("+");
          var x = 0;
          var y = 0;
          members.forEach(function (m) {
            var i = keys.indexOf(m);
            x += centers[i][0];
            y += centers[i][1];
          });
          x = x / members.length * (members.length === 1 ? 1.6 : 1) * r * 1.3;
          y = y / members.length * (members.length === 1 ? 1.6 : 1) * r * 1.3;
          graphics.push({ type: "text", style: { text: num(row.customers), x: cx + x, y: cy + y,
            align: "center", verticalAlign: "middle", fontWeight: "bold" } });
        });
      }
      var rows = fig.rows.filter(function (x) { return x.customers > 0; });
      return {
        graphic: graphics,
        tooltip: { trigger: "axis" },
        grid: { left: keys.length <= 3 ? 560 : 220, right: 50, top: 10, bottom: 30 },
        xAxis: { type: "value", splitNumber: 3 },
        yAxis: { type: "category", data: rows.map(function (x) { return x.label; }), axisLabel: { width: 180, overflow: "truncate" } },
        series: [{ name: el.dataset.seriesName, type: "bar", data: rows.map(function (x) { return x.customers; }),
          label: { show: true, position: "right" } }]
      };
    }
  };

  function draw(el) {
    if (el.dataset.rendered || el.dataset.loading) {
      return;
    }
    el.dataset.loading = "true";
    fetch(el.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        delete el.dataset.loading;
        if (!answer.ok) {
          el.classList.add("chart-empty");
          el.textContent = answer.body.detail || el.dataset.emptyText || "";
          el.dataset.rendered = "error";
          return;
        }
        var fig = answer.body;
        el.dataset.rows = String(fig.rows.length);
        if (fig.rows.length === 0) {
          el.classList.add("chart-empty");
          el.textContent = el.dataset.emptyText || "";
          el.dataset.rendered = "empty";
          return;
        }
        var chart = init(el);
        chart.setOption(builders[el.dataset.chart](fig, el));
        el.dataset.rendered = "true";
        window.addEventListener("resize", function () { chart.resize(); });
      })
      .catch(function () {
        delete el.dataset.loading;
        el.dataset.rendered = "error";
      });
  }

  function downloadPng(button) {
    var el = document.getElementById(button.dataset.chartId);
    var chart = el && echarts.getInstanceByDom(el);
    if (!chart) {
      return;
    }
    var link = document.createElement("a");
    link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    link.download = (button.dataset.fileName || el.id) + ".png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function drawAll() {
    if (!window.echarts) {
      return;
    }
    sizeChart();
    document.querySelectorAll("[data-chart][data-src]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
  window.addEventListener("load", drawAll);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".chart-png");
    if (button) {
      event.preventDefault();
      downloadPng(button);
    }
  });
})();
