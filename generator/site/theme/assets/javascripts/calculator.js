/*
 * The absence calculator of a municipal site. It reads the ladder and every text from the
 * JSON written into the page at build time (#sky-calc-data) and calculates in the browser:
 * nothing is fetched, sent or stored.
 *
 * The rules are those of tests/support/reference_calculator.py, and the browser tests compare the two:
 * hours are whole hundredths, thresholds whole hundredths (of an hour or of a percent), and
 * every comparison is made on whole numbers. A stage is reached at or above its threshold;
 * a threshold of 0 is reached by any absence. Text from the playbook is only ever set as
 * textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var SPACES = " \t\n\r\u00a0\u202f";
  var NUMBER = /^([0-9]+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)(?:[.,]([0-9]+))?$/;
  var MAX_HOURS = 10000;
  var FIELDS = ["absent", "school", "grades"];

  function strip(text) {
    var start = 0;
    var end = text.length;
    while (start < end && SPACES.indexOf(text.charAt(start)) >= 0) start++;
    while (end > start && SPACES.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }

  /* "12,5" -> 1250 (hundredths of an hour), or an error code. */
  function parseHours(text) {
    var stripped = strip(text);
    if (!stripped) return "empty";
    var negative = stripped.charAt(0) === "-" || stripped.charAt(0) === "\u2212";
    var match = NUMBER.exec(negative ? stripped.slice(1) : stripped);
    if (!match) return "not_number";
    if (negative) return "negative";
    var fraction = match[2] || "";
    if (fraction.length > 2) return "too_precise";
    var whole = match[1].replace(/[ \u00a0\u202f]/g, "").replace(/^0+/, "");
    if (whole.length > String(MAX_HOURS).length) return "too_large";
    var hundredths = Number(whole || "0") * 100 + Number((fraction + "00").slice(0, 2));
    return hundredths > MAX_HOURS * 100 ? "too_large" : hundredths;
  }

  function limitOf(stage, grades) {
    return typeof stage.limit === "number" ? stage.limit : stage.limit[grades];
  }

  function reached(limit, inputs, percentLadder) {
    if (limit === 0) return inputs.absent > 0;
    if (percentLadder) return inputs.absent * 10000 >= limit * inputs.school;
    return inputs.absent >= limit;
  }

  /* The bands are in the page data (hundredths of a percent, as generator/playbook/tiers.py
     defines them); the share is compared with each bound without dividing. */
  function inBand(band, absent, school) {
    var share = absent * 10000;
    var lower = band.lower * school;
    if (band.lowerIncluded ? share < lower : share <= lower) return false;
    if (band.upper === null) return true;
    var upper = band.upper * school;
    return band.upperIncluded ? share <= upper : share < upper;
  }

  function nationalTier(bands, absent, school) {
    for (var i = 0; i < bands.length; i++) {
      if (inBand(bands[i], absent, school)) return bands[i];
    }
    return null;
  }

  function readInputs(data, values) {
    var errors = [];
    var absent = parseHours(values.absent);
    if (typeof absent === "string") errors.push({ field: "absent", code: absent });
    var school = null;
    if (strip(values.school) || data.needsSchool) {
      var parsed = parseHours(values.school);
      if (typeof parsed === "string") errors.push({ field: "school", code: parsed });
      else if (parsed === 0) errors.push({ field: "school", code: "zero" });
      else school = parsed;
    }
    if (typeof absent === "number" && school !== null && absent > school) {
      errors.push({ field: "absent", code: "more_than_school" });
    }
    if (!values.grades && data.gradeSplit) errors.push({ field: "grades", code: "missing" });
    errors.sort(function (a, b) {
      return FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field);
    });
    if (errors.length) return { errors: errors };
    return { absent: absent, school: school, grades: values.grades || null, kind: values.kind };
  }

  function calculate(data, inputs) {
    var percentLadder = data.unit === "percent";
    var ladder = data.stages.filter(function (stage) {
      return stage.kind === inputs.kind;
    });
    var count = 0;
    while (count < ladder.length && reached(limitOf(ladder[count], inputs.grades), inputs, percentLadder)) {
      count++;
    }
    var next = count < ladder.length ? ladder[count] : null;
    var result = {
      percentTenths: inputs.school === null ? null : Math.floor((inputs.absent * 1000) / inputs.school),
      stage: count > 0 ? ladder[count - 1] : null,
      next: next,
      distanceHours: null,
      distancePoints: null,
      tierKnown: inputs.school !== null && inputs.kind === "all",
      tier: null,
      tierWords: null
    };
    if (next) {
      var limit = limitOf(next, inputs.grades);
      if (percentLadder) {
        var missing = limit * inputs.school - inputs.absent * 10000;
        result.distanceHours = Math.ceil(missing / 10000);
        result.distancePoints = Math.ceil(missing / (10 * inputs.school));
      } else {
        result.distanceHours = limit - inputs.absent;
      }
    }
    if (result.tierKnown) {
      var band = nationalTier(data.tiers, inputs.absent, inputs.school);
      result.tier = band ? band.tier : null;
      result.tierWords = band ? band.words : null;
    }
    return result;
  }

  /* 1250 -> "12,5"; 1225 -> "12,25"; 1200 -> "12" (hundredths, decimal comma). */
  function hundredthsText(value) {
    var whole = Math.floor(value / 100);
    var fraction = String(value % 100 + 100).slice(1).replace(/0+$/, "");
    return String(whole) + (fraction ? "," + fraction : "");
  }

  function tenthsText(value) {
    return String(Math.floor(value / 10)) + (value % 10 ? "," + (value % 10) : "");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(text, href) {
    var anchor = element("a", text);
    anchor.href = href;
    return anchor;
  }

  function summary(data, result) {
    var t = data.text;
    var lines = [];
    if (result.percentTenths !== null) {
      lines.push(element("p", fill(t.percent, { percent: tenthsText(result.percentTenths) })));
    }
    if (result.stage) {
      var current = element("p", null, "sky-calc__stage");
      current.appendChild(
        link(fill(t.stage, { number: result.stage.number, title: result.stage.title }), result.stage.url)
      );
      lines.push(current);
      if (limitOf(result.stage, result.grades) === 0) lines.push(element("p", t.stage_from_first));
    } else {
      lines.push(element("p", t.no_stage, "sky-calc__stage"));
    }
    if (result.next) {
      lines.push(element("p", fill(t.next_stage, { number: result.next.number, title: result.next.title })));
      lines.push(element("p", distanceText(t, result)));
    } else {
      lines.push(element("p", t.last_stage));
    }
    lines.push(tierLine(data, result));
    return lines;
  }

  function distanceText(t, result) {
    if (limitOf(result.next, result.grades) === 0) return t.next_from_first;
    var hours = hundredthsText(result.distanceHours);
    if (result.distancePoints !== null) {
      return fill(t.next_points, { points: tenthsText(result.distancePoints), hours: hours });
    }
    return fill(result.distanceHours === 100 ? t.next_hour : t.next_hours, { hours: hours });
  }

  function tierLine(data, result) {
    var t = data.text;
    if (!result.tierKnown) {
      return element("p", result.kind === "all" ? t.tier_unknown : t.tier_all_only);
    }
    if (result.tier === null) return element("p", t.tier_none);
    var line = element("p", fill(t.tier, { tier: result.tier, band: result.tierWords }) + " ");
    line.appendChild(link(fill(t.tier_link, { tier: result.tier }), fill(data.tierUrl, { tier: result.tier })));
    return line;
  }

  function details(data, stage) {
    var t = data.text;
    var nodes = [element("h2", fill(t.details_heading, { title: stage.title }))];
    var list = element("ol");
    stage.steps.forEach(function (step) {
      var item = element("li");
      item.appendChild(element("strong", step.role + ":"));
      item.appendChild(document.createTextNode(" " + step.action + (step.deadline ? " (" + step.deadline + ")" : "")));
      list.appendChild(item);
    });
    nodes.push(list);
    if (stage.record) {
      var record = element("p");
      record.appendChild(element("strong", t.record + ":"));
      record.appendChild(document.createTextNode(" " + stage.record));
      nodes.push(record);
    }
    var more = element("p");
    more.appendChild(link(t.stage_link + ": " + stage.title, stage.url));
    nodes.push(more);
    return nodes;
  }

  function replaceChildren(parent, children) {
    while (parent.firstChild) parent.removeChild(parent.firstChild);
    children.forEach(function (child) {
      parent.appendChild(child);
    });
  }

  function checkedValue(form, name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : "";
  }

  function setup() {
    var source = document.getElementById("sky-calc-data");
    var form = document.getElementById("sky-calculator");
    var output = document.getElementById("sky-calc-result");
    var more = document.getElementById("sky-calc-details");
    if (!source || !form || !output || !more) return;
    var data = JSON.parse(source.textContent);
    var kinds = data.stages.map(function (stage) {
      return stage.kind;
    });
    var defaultKind = kinds.indexOf("all") >= 0 ? "all" : kinds[0];

    function showErrors(errors) {
      FIELDS.forEach(function (field) {
        var message = document.getElementById("sky-calc-" + field + "-error");
        var control = document.getElementById("sky-calc-" + field);
        if (!message) return;
        var error = errors.filter(function (e) {
          return e.field === field;
        })[0];
        message.textContent = error ? data.text[field + "." + error.code] : "";
        message.hidden = !error;
        if (control && control.tagName === "INPUT") {
          if (error) control.setAttribute("aria-invalid", "true");
          else control.removeAttribute("aria-invalid");
        }
      });
    }

    function show(values) {
      var inputs = readInputs(data, values);
      output.removeAttribute("data-stage");
      output.removeAttribute("data-next");
      showErrors(inputs.errors || []);
      if (inputs.errors) {
        output.setAttribute("data-state", "error");
        output.setAttribute("data-errors", inputs.errors.map(function (e) {
          return e.field + "." + e.code;
        }).join(" "));
        replaceChildren(output, [element("p", data.text.check_fields)]);
        replaceChildren(more, []);
        more.hidden = true;
        return inputs.errors[0].field;
      }
      var result = calculate(data, inputs);
      result.grades = inputs.grades;
      result.kind = inputs.kind;
      var facts = {
        "data-state": "result",
        "data-errors": "",
        "data-percent-tenths": result.percentTenths,
        "data-stage": result.stage ? result.stage.id : "",
        "data-next": result.next ? result.next.id : "",
        "data-distance-hours": result.distanceHours,
        "data-distance-points": result.distancePoints,
        "data-tier": result.tierKnown ? (result.tier === null ? "none" : result.tier) : "unknown"
      };
      Object.keys(facts).forEach(function (name) {
        output.setAttribute(name, facts[name] === null ? "" : String(facts[name]));
      });
      replaceChildren(output, summary(data, result));
      replaceChildren(more, result.stage ? details(data, result.stage) : []);
      more.hidden = !result.stage;
      return null;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var invalid = show({
        absent: document.getElementById("sky-calc-absent").value,
        school: document.getElementById("sky-calc-school").value,
        grades: checkedValue(form, "sky-calc-grades"),
        kind: checkedValue(form, "sky-calc-kind") || defaultKind
      });
      if (invalid) {
        var first = invalid === "grades" ? form.querySelector('input[name="sky-calc-grades"]') : document.getElementById("sky-calc-" + invalid);
        // Focus the first field to fix, and bring its label and message into view with it.
        first.focus({ preventScroll: true });
        first.closest(".sky-calc__field").scrollIntoView({ block: "start" });
      }
    });
    form.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
