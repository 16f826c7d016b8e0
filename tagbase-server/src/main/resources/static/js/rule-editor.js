// The rule editor: syntax highlighting under the text, and a visual builder that edits the same rule
// as the JSON condition tree (docs/rules.md). The server converts between text and tree
// (/rules/builder/tree, /rules/builder/text) so both forms always mean the same rule; a part the
// builder cannot edit is kept as text inside the tree.
(function () {
  "use strict";

  var EN_KEYWORDS = ("and or not has tag tags did where in between exists missing contains starts ends " +
    "with matches some all none of days day since before after today true false").split(" ");
  var EN_FUNCTIONS = "count distinct sum avg average min max first last".split(" ");
  var ZH_KEYWORDS = ("不包含任何 不含任何 包含任一 含任一 包含全部 包含所有 小于等于 大于等于 未做过 没做过 没有做过 未有过 " +
    "有标签 标签集 不属于 不在 不为空 不等于 不超过 开头是 结尾是 并且 而且 或者 其中 满足 属于 介于 存在 有值 缺失 为空 " +
    "无值 包含 匹配 早于 晚于 今天 今日 不为 等于 小于 少于 至多 大于 多于 超过 至少 做过 有过 标签 且 或 非 从 和 与 至 到 " +
    "的 天 真 假 为 在").split(" ");
  var ZH_FUNCTIONS = ("首次时间 最近时间 末次时间 去重计数 去重数 距首次 距上次 平均值 最小值 最大值 次数 总和 合计 求和 平均 " +
    "最小 最大 天数").split(" ");
  var TOKEN = new RegExp([
    '"(?:[^"\\\\]|\\\\.)*"?', "'(?:[^'\\\\]|\\\\.)*'?", "「[^」]*」?", "“[^”]*”?", "`[^`]*`?",
    "(?:近|最近|过去)\\s*\\d+\\s*(?:天|日)",
    "\\d{4}-\\d{2}-\\d{2}", "\\d+(?:\\.\\d+)?",
    ">=|<=|!=|[=<>≥≤≠＝＞＜()（），,、+\\-*/]",
    "[\\p{L}\\p{N}_]+"
  ].join("|"), "gu");

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function span(kind, text) {
    return '<span class="tok-' + kind + '">' + escapeHtml(text) + "</span>";
  }

  function word(text) {
    var lower = text.toLowerCase();
    if (EN_KEYWORDS.indexOf(lower) >= 0 || ZH_KEYWORDS.indexOf(text) >= 0) {
      return span("kw", text);
    }
    if (EN_FUNCTIONS.indexOf(lower) >= 0 || ZH_FUNCTIONS.indexOf(text) >= 0) {
      return span("fn", text);
    }
    for (var i = 0; i < ZH_FUNCTIONS.length; i++) {
      var suffix = ZH_FUNCTIONS[i];
      if (text.length > suffix.length && text.slice(-suffix.length) === suffix) {
        return span("name", text.slice(0, -suffix.length)) + span("fn", suffix);
      }
    }
    return /^\d/.test(text) ? span("num", text) : span("name", text);
  }

  /** The rule text as HTML with a span per token; everything else as typed. */
  function highlight(text) {
    var out = "";
    var last = 0;
    text.replace(TOKEN, function (token, offset) {
      out += escapeHtml(text.slice(last, offset));
      var first = token.charAt(0);
      if (first === '"' || first === "'" || first === "「" || first === "“") {
        out += span("str", token);
      } else if (first === "`") {
        out += span("name", token);
      } else if (/^(近|最近|过去)/.test(token) && /(天|日)$/.test(token)) {
        out += span("kw", token);
      } else if (/^\d/.test(token) && /^[\d.\-]+$/.test(token)) {
        out += span("num", token);
      } else if (/^[\p{L}\p{N}_]+$/u.test(token)) {
        var fused = /^(近|最近|过去)(\d+)(天|日)(.+)$/u.exec(token);
        out += fused ? span("kw", fused[1] + fused[2] + fused[3]) + word(fused[4]) : word(token);
      } else {
        out += span("op", token);
      }
      last = offset + token.length;
      return token;
    });
    return out + escapeHtml(text.slice(last)) + "\n";
  }

  function attachHighlighter(textarea) {
    var wrap = document.createElement("div");
    wrap.className = "rule-editor";
    var pre = document.createElement("pre");
    pre.className = "rule-highlight";
    pre.setAttribute("aria-hidden", "true");
    textarea.parentNode.insertBefore(wrap, textarea);
    wrap.appendChild(pre);
    wrap.appendChild(textarea);
    function sync() {
      pre.innerHTML = highlight(textarea.value);
      pre.scrollTop = textarea.scrollTop;
    }
    textarea.addEventListener("input", sync);
    textarea.addEventListener("scroll", function () { pre.scrollTop = textarea.scrollTop; });
    sync();
    return sync;
  }

  // ---- the visual builder ----

  var zh = (document.documentElement.lang || "zh").indexOf("zh") === 0;
  var OPS = [
    ["EQ", "=", "为"], ["NE", "≠", "不为"], ["LT", "<", "小于"], ["LE", "≤", "小于等于"],
    ["GT", ">", "大于"], ["GE", "≥", "大于等于"], ["BETWEEN", "between", "介于"],
    ["IN", "in", "属于"], ["NOT_IN", "not in", "不属于"], ["EXISTS", "exists", "存在"],
    ["MISSING", "missing", "缺失"], ["CONTAINS", "contains", "包含"],
    ["STARTS_WITH", "starts with", "开头是"], ["ENDS_WITH", "ends with", "结尾是"],
    ["MATCHES", "matches", "匹配"], ["HAS_SOME", "has some of", "包含任一"],
    ["HAS_ALL", "has all of", "包含全部"], ["HAS_NONE", "has none of", "不包含任何"]
  ];
  var FNS = [["count", "count", "次数"], ["distinct", "distinct count", "去重数"], ["sum", "sum", "总和"],
    ["avg", "avg", "平均"], ["min", "min", "最小"], ["max", "max", "最大"],
    ["days_since_last", "days since last", "距上次天数"], ["days_since_first", "days since first", "距首次天数"]];
  var T = zh
    ? { and: "全部满足(且)", or: "任一满足(或)", not: "非", remove: "删除", cond: "+ 条件", group: "+ 条件组",
        attr: "字段", tagValue: "标签值", hasTag: "有标签", agg: "行为统计", did: "做过", raw: "文本",
        lastDays: "近 N 天(空:全部)", value: "值(多个用逗号分隔)", property: "属性" }
    : { and: "all of (and)", or: "any of (or)", not: "not", remove: "remove", cond: "+ condition",
        group: "+ group", attr: "field", tagValue: "tag value", hasTag: "has tag", agg: "behaviour",
        did: "did", raw: "text", lastDays: "last N days (empty: all)", value: "value (commas for several)",
        property: "property" };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function select(options, value, onChange, cls) {
    var s = el("select", { "class": cls || "" });
    options.forEach(function (o) {
      var opt = el("option", { value: o[0], text: o[1] });
      if (o[0] === value) { opt.selected = true; }
      s.appendChild(opt);
    });
    s.addEventListener("change", function () { onChange(s.value); });
    return s;
  }

  function input(value, placeholder, onChange, cls) {
    var i = el("input", { type: "text", "class": cls || "", placeholder: placeholder || "" });
    i.value = value == null ? "" : value;
    i.addEventListener("change", function () { onChange(i.value); });
    return i;
  }

  function literalText(v) {
    if ("string" in v) { return v.string; }
    if ("number" in v) { return String(v.number); }
    if ("bool" in v) { return String(v.bool); }
    if ("date" in v) { return v.date; }
    return null;
  }

  function lastDays(window) {
    if (window == null) { return ""; }
    return "last" in window && Object.keys(window).length === 1 ? String(window.last) : null;
  }

  /** The builder's model of a tree node; anything it cannot edit becomes raw text. */
  function fromTree(node) {
    if (node.and || node.or) {
      var op = node.and ? "and" : "or";
      return { type: "group", op: op, not: false, children: node[op].map(fromTree) };
    }
    if (node.not) {
      var inner = fromTree(node.not);
      if (inner.not) { return { type: "raw", text: node.text, not: false }; }
      inner.not = true;
      return inner;
    }
    if (node.hasTag) { return { type: "hasTag", tag: node.hasTag, not: false }; }
    if (node.did) {
      var days = lastDays(node.did.window);
      if (node.did.where == null && days != null) {
        return { type: "did", event: node.did.event, days: days, not: false };
      }
      return { type: "raw", text: node.text, not: false };
    }
    if (node.operand) {
      var values = (node.values || []).map(literalText);
      if (values.indexOf(null) >= 0) { return { type: "raw", text: node.text, not: false }; }
      var value = values.join(", ");
      if (node.operand.attr) {
        return { type: "attr", field: node.operand.attr, op: node.op, value: value, not: false };
      }
      if (node.operand.tag) {
        return { type: "tagValue", tag: node.operand.tag, op: node.op, value: value, not: false };
      }
      var a = node.operand;
      var aggDays = lastDays(a.window);
      var prop = a.expression == null ? "" : a.expression.prop;
      if (a.aggregate && a.where == null && aggDays != null && prop != null) {
        return { type: "agg", fn: a.aggregate, event: a.event, prop: prop, days: aggDays,
          op: node.op, value: value, not: false };
      }
    }
    return { type: "raw", text: node.text, not: false };
  }

  function fieldType(schema, code) {
    var f = schema.attributes.filter(function (a) { return a.code === code; })[0];
    return f ? f.type : "STRING";
  }

  function literals(text, type, op) {
    if (op === "EXISTS" || op === "MISSING") { return []; }
    var parts = ["IN", "NOT_IN", "BETWEEN", "HAS_SOME", "HAS_ALL", "HAS_NONE"].indexOf(op) >= 0
      ? text.split(/[,，、]/) : [text];
    return parts.map(function (p) { return p.trim(); }).filter(function (p) { return p !== ""; })
      .map(function (p) {
        if (type === "NUMBER") { return { number: Number(p) }; }
        if (type === "BOOLEAN") { return { bool: p === "true" || p === "真" }; }
        if (type === "DATE" || type === "DATETIME") { return { date: p }; }
        return { string: p };
      });
  }

  function toTree(m, schema) {
    var node;
    if (m.type === "group") {
      node = {};
      node[m.op] = m.children.map(function (c) { return toTree(c, schema); });
    } else if (m.type === "raw") {
      node = { raw: m.text };
    } else if (m.type === "hasTag") {
      node = { hasTag: m.tag };
    } else if (m.type === "did") {
      node = { did: { event: m.event, where: null, window: m.days ? { last: Number(m.days) } : null } };
    } else if (m.type === "attr") {
      node = { op: m.op, operand: { attr: m.field },
        values: literals(m.value, fieldType(schema, m.field), m.op) };
    } else if (m.type === "tagValue") {
      node = { op: m.op, operand: { tag: m.tag }, values: literals(m.value, "STRING", m.op) };
    } else {
      node = { op: m.op,
        operand: { aggregate: m.fn, event: m.event, expression: m.prop ? { prop: m.prop } : null,
          where: null, window: m.days ? { last: Number(m.days) } : null },
        values: literals(m.value, "NUMBER", m.op) };
    }
    return m.not ? { not: node } : node;
  }

  function newCondition(schema) {
    var first = schema.attributes[0];
    return { type: "attr", field: first ? first.code : "", op: "EQ", value: "", not: false };
  }

  function Builder(root, textarea, schema, onText) {
    this.root = root;
    this.textarea = textarea;
    this.schema = schema;
    this.onText = onText;
    this.model = null;
  }

  Builder.prototype.load = function (tree) {
    var m = tree ? fromTree(tree) : null;
    if (!m || m.type !== "group") {
      m = { type: "group", op: "and", not: false, children: [m || newCondition(this.schema)] };
    }
    this.model = m;
    this.render();
  };

  /** A structural change re-renders; an edited value only rewrites the text (focus stays). */
  Builder.prototype.changed = function (structural) {
    if (structural) {
      this.render();
    }
    this.onText(toTree(this.model, this.schema));
  };

  Builder.prototype.render = function () {
    this.root.innerHTML = "";
    this.root.appendChild(this.node(this.model, null));
  };

  Builder.prototype.node = function (m, parent) {
    var self = this;
    var changed = function () { self.changed(false); };
    var rebuilt = function () { self.changed(true); };
    var notBox = el("input", { type: "checkbox", "class": "rb-not", title: T.not });
    notBox.checked = !!m.not;
    notBox.addEventListener("change", function () { m.not = notBox.checked; changed(); });
    var head = [el("label", { "class": "rb-not-label" }, [notBox, el("span", { text: T.not })])];
    var removeButton = parent ? el("button", { type: "button", "class": "link rb-remove", text: T.remove }) : null;
    if (removeButton) {
      removeButton.addEventListener("click", function () {
        parent.children.splice(parent.children.indexOf(m), 1);
        if (parent.children.length === 0) { parent.children.push(newCondition(self.schema)); }
        rebuilt();
      });
    }
    if (m.type === "group") {
      head.push(select([["and", T.and], ["or", T.or]], m.op, function (v) { m.op = v; changed(); }, "rb-op"));
      var list = el("div", { "class": "rb-children" });
      m.children.forEach(function (c) { list.appendChild(self.node(c, m)); });
      var addCond = el("button", { type: "button", "class": "rb-add", text: T.cond });
      addCond.addEventListener("click", function () { m.children.push(newCondition(self.schema)); rebuilt(); });
      var addGroup = el("button", { type: "button", "class": "rb-add-group", text: T.group });
      addGroup.addEventListener("click", function () {
        m.children.push({ type: "group", op: "or", not: false, children: [newCondition(self.schema)] });
        rebuilt();
      });
      return el("div", { "class": "rb-group" },
        [el("div", { "class": "rb-head" }, head.concat([removeButton])), list,
          el("div", { "class": "rb-actions" }, [addCond, addGroup])]);
    }
    var kinds = [["attr", T.attr], ["tagValue", T.tagValue], ["hasTag", T.hasTag], ["agg", T.agg],
      ["did", T.did], ["raw", T.raw]];
    var row = head.concat([select(kinds, m.type, function (v) {
      var fresh = { type: v, not: m.not, op: "GE", value: "" };
      var event = self.schema.events[0] ? self.schema.events[0].code : "";
      var tag = self.schema.tags[0] ? self.schema.tags[0].code : "";
      if (v === "attr") { fresh = newCondition(self.schema); fresh.not = m.not; }
      if (v === "tagValue" || v === "hasTag") { fresh.tag = tag; fresh.op = "EQ"; }
      if (v === "agg") { fresh.fn = "count"; fresh.event = event; fresh.prop = ""; fresh.days = ""; }
      if (v === "did") { fresh.event = event; fresh.days = ""; }
      if (v === "raw") { fresh.text = ""; }
      Object.keys(m).forEach(function (k) { delete m[k]; });
      Object.assign(m, fresh);
      rebuilt();
    }, "rb-kind")]);
    var ops = OPS.map(function (o) { return [o[0], zh ? o[2] : o[1]]; });
    var opSelect = function () { return select(ops, m.op, function (v) { m.op = v; changed(); }, "rb-cmp"); };
    var valueInput = function () {
      return input(m.value, T.value, function (v) { m.value = v; changed(); }, "rb-value");
    };
    var events = self.schema.events.map(function (e) { return [e.code, e.code]; });
    var days = function () {
      return input(m.days, T.lastDays, function (v) { m.days = v; changed(); }, "rb-days");
    };
    if (m.type === "attr") {
      row.push(select(self.schema.attributes.map(function (a) {
        return [a.code, a.name === a.code ? a.code : a.name + " (" + a.code + ")"];
      }), m.field, function (v) { m.field = v; changed(); }, "rb-field"), opSelect(), valueInput());
    } else if (m.type === "tagValue" || m.type === "hasTag") {
      var tags = self.schema.tags.filter(function (t) { return m.type === "hasTag" || t.values.length > 0; });
      row.push(select(tags.map(function (t) { return [t.code, t.name + " (" + t.code + ")"]; }), m.tag,
        function (v) { m.tag = v; changed(); }, "rb-tag"));
      if (m.type === "tagValue") { row.push(opSelect(), valueInput()); }
    } else if (m.type === "agg") {
      row.push(select(FNS.map(function (f) { return [f[0], zh ? f[2] : f[1]]; }), m.fn,
          function (v) { m.fn = v; changed(); }, "rb-fn"),
        select(events, m.event, function (v) { m.event = v; changed(); }, "rb-event"),
        input(m.prop, T.property, function (v) { m.prop = v; changed(); }, "rb-prop"),
        days(), opSelect(), valueInput());
    } else if (m.type === "did") {
      row.push(select(events, m.event, function (v) { m.event = v; changed(); }, "rb-event"), days());
    } else {
      var raw = el("input", { type: "text", "class": "rb-raw rule-text" });
      raw.value = m.text || "";
      raw.addEventListener("change", function () { m.text = raw.value; changed(); });
      row.push(raw);
    }
    row.push(removeButton);
    return el("div", { "class": "rb-cond" }, row);
  };

  function csrfHeaders(extra) {
    var headers = extra || {};
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) { headers[header.content] = token.content; }
    return headers;
  }

  function post(url, body, json) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: csrfHeaders({ "Content-Type": json ? "application/json" : "application/x-www-form-urlencoded" }),
      body: json ? JSON.stringify(body) : "text=" + encodeURIComponent(body)
    }).then(function (r) { return r.json(); });
  }

  function setUp(panel) {
    var textarea = document.getElementById(panel.getAttribute("data-textarea"));
    var sync = attachHighlighter(textarea);
    var root = panel.querySelector(".rb-root");
    var error = panel.querySelector(".rb-error");
    var textMode = document.getElementById("rule-mode-text");
    var visualMode = document.getElementById("rule-mode-visual");
    var base = panel.getAttribute("data-base");
    var builder = null;
    function showError(message) {
      error.textContent = message || "";
      error.hidden = !message;
    }
    function setText(tree) {
      post(base + "/text", tree, true).then(function (answer) {
        if (answer.error) { showError(answer.error); return; }
        showError(null);
        textarea.value = answer.text;
        sync();
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }
    visualMode.addEventListener("click", function () {
      fetch(base + "/schema", { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (schema) {
          return post(base + "/tree", textarea.value, false).then(function (answer) {
            if (answer.error) { showError(answer.error); return; }
            showError(null);
            builder = builder || new Builder(root, textarea, schema, setText);
            builder.schema = schema;
            builder.load(answer.tree);
            panel.hidden = false;
            textarea.closest(".rule-editor").hidden = true;
            visualMode.classList.add("active");
            textMode.classList.remove("active");
          });
        });
    });
    textMode.addEventListener("click", function () {
      panel.hidden = true;
      textarea.closest(".rule-editor").hidden = false;
      textMode.classList.add("active");
      visualMode.classList.remove("active");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("rule-builder");
    if (panel) {
      setUp(panel);
    }
  });

  window.TagbaseRules = { highlight: highlight };
})();
