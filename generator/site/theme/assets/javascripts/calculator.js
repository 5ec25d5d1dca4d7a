/*
 * The absence calculator of a municipal site. It reads the ladders and every text from the
 * JSON written into the page at build time (#sky-calc-data) and calculates in the browser:
 * nothing is fetched, sent or stored.
 *
 * The rules are those of tests/support/reference_calculator.py, and the browser tests compare
 * the two. Amounts are whole hundredths (of an hour, a lesson, a day or a time), bounds whole
 * hundredths of the unit or of a percent, and every comparison is made on whole numbers. A
 * plain number is reached at or above it, "over" only above it, a plain 0 by any absence; a
 * range may start at its first number and has started at its second. Text from the playbook
 * is only ever set as textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var SPACES = " \t\n\r\u00a0\u202f";
  var NUMBER = /^([0-9]+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)(?:[.,]([0-9]+))?$/;
  var MAX_AMOUNT = 10000;
  var ERROR_PREFIX = { hours: "absent", lessons: "lessons", days: "days", times: "times" };

  function strip(text) {
    var start = 0;
    var end = text.length;
    while (start < end && SPACES.indexOf(text.charAt(start)) >= 0) start++;
    while (end > start && SPACES.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }

  /* "12,5" -> 1250 (hundredths), or an error code. Whole units take no fractions. */
  function parseAmount(text, whole) {
    var stripped = strip(text);
    if (!stripped) return "empty";
    var negative = stripped.charAt(0) === "-" || stripped.charAt(0) === "\u2212";
    var match = NUMBER.exec(negative ? stripped.slice(1) : stripped);
    if (!match) return "not_number";
    if (negative) return "negative";
    var fraction = match[2] || "";
    if (whole && (fraction.length > 2 || /[1-9]/.test(fraction))) return "not_whole";
    if (fraction.length > 2) return "too_precise";
    var digits = match[1].replace(/[ \u00a0\u202f]/g, "").replace(/^0+/, "");
    if (digits.length > String(MAX_AMOUNT).length) return "too_large";
    var hundredths = Number(digits || "0") * 100 + Number((fraction + "00").slice(0, 2));
    return hundredths > MAX_AMOUNT * 100 ? "too_large" : hundredths;
  }

  function ceilDiv(numerator, denominator) {
    return Math.floor((numerator + denominator - 1) / denominator);
  }

  /* A value given once, or per grade group when the thresholds differ by grade level. */
  function forGrades(value, grades) {
    if (typeof value === "string" || value.kind) return value;
    return value[grades];
  }

  function fieldOf(ladder, key) {
    return ladder.fields.filter(function (field) {
      return field.key === key;
    })[0];
  }

  function optionalPercent(ladder) {
    return ladder.measures.filter(function (measure) {
      return measure.unit === "percent" && measure.optional;
    })[0] || null;
  }

  function readInputs(ladder, values) {
    var errors = [];
    var amounts = {};
    function fail(key, code) {
      errors.push({ field: key, code: code });
    }
    ladder.fields.forEach(function (field) {
      var text = values.fields[field.key] || "";
      amounts[field.key] = null;
      if (!strip(text)) {
        if (field.required) fail(field.key, "empty");
        return;
      }
      var parsed = parseAmount(text, field.whole);
      if (typeof parsed === "string") fail(field.key, parsed);
      else if (field.school && parsed === 0) fail(field.key, "zero");
      else amounts[field.key] = parsed;
    });
    // The optional percent measure: once one of its own fields is filled in, both are needed.
    var percent = optionalPercent(ladder);
    if (percent) {
      var own = [percent.amount, percent.school].filter(function (key) {
        return !ladder.measures.some(function (measure) {
          return measure !== percent && measure.amount === key;
        });
      });
      var started = own.some(function (key) {
        return strip(values.fields[key] || "") !== "";
      });
      own.forEach(function (key) {
        if (started && !strip(values.fields[key] || "")) fail(key, "empty");
      });
    }
    ladder.fields.forEach(function (field) {
      if (!field.pair) return;
      var part = amounts[field.pair];
      if (part !== null && amounts[field.key] !== null && part > amounts[field.key]) {
        fail(field.pair, "more_than_school");
      }
    });
    if (ladder.gradeSplit && !values.grades) fail("grades", "missing");
    var order = ladder.fields.map(function (field) {
      return field.key;
    });
    order.push("grades");
    errors.sort(function (a, b) {
      return order.indexOf(a.field) - order.indexOf(b.field);
    });
    if (errors.length) return { errors: errors };
    return { amounts: amounts, grades: values.grades || null };
  }

  /* Compares a measure's amount with a bound value: >0 above, 0 equal, <0 below. */
  function comparer(measure, inputs) {
    var amount = inputs.amounts[measure.amount];
    if (measure.unit !== "percent") {
      return function (bound) {
        return amount - bound;
      };
    }
    var school = inputs.amounts[measure.school];
    return function (bound) {
      return amount * 10000 - bound * school;
    };
  }

  function started(bound, compare) {
    if (bound.kind === "over" || (bound.kind === "at" && bound.low === 0)) return compare(bound.low) > 0;
    if (bound.kind === "at") return compare(bound.low) >= 0;
    return compare(bound.high) >= 0;
  }

  function mayStart(bound, compare) {
    return bound.kind === "range" && compare(bound.low) >= 0 && !started(bound, compare);
  }

  function activeMeasures(ladder, inputs) {
    return ladder.measures.filter(function (measure) {
      return inputs.amounts[measure.amount] !== null && (!measure.school || inputs.amounts[measure.school] !== null);
    });
  }

  /* The bounds of a stage on the measures the reader gave numbers for, in the stage's order. */
  function stageBounds(stage, active, inputs) {
    return Object.keys(stage.bounds).map(function (unit) {
      var measure = active.filter(function (m) {
        return m.unit === unit;
      })[0];
      if (!measure) return null;
      var bound = forGrades(stage.bounds[unit], inputs.grades);
      return { unit: unit, measure: measure, bound: bound, compare: comparer(measure, inputs) };
    }).filter(Boolean);
  }

  function calculate(ladder, inputs) {
    var active = activeMeasures(ladder, inputs);
    var current = -1;
    var reached = [];
    ladder.stages.forEach(function (stage, index) {
      var units = stageBounds(stage, active, inputs).filter(function (b) {
        return started(b.bound, b.compare);
      });
      if (units.length) {
        current = index;
        reached = units;
      }
    });
    var next = -1;
    for (var i = current + 1; i < ladder.stages.length && next < 0; i++) {
      if (stageBounds(ladder.stages[i], active, inputs).length) next = i;
    }
    var result = {
      stage: current >= 0 ? ladder.stages[current] : null,
      reached: reached,
      last: current === ladder.stages.length - 1,
      next: next >= 0 ? ladder.stages[next] : null,
      may: false,
      gaps: [],
      skipped: optionalPercent(ladder) !== null && active.indexOf(optionalPercent(ladder)) < 0,
      triggers: ladder.stages.filter(function (stage, index) {
        return index > current && Object.keys(stage.bounds).length === 0;
      }),
      share: null,
      tierKnown: false,
      tier: null
    };
    if (result.next) {
      stageBounds(result.next, active, inputs).forEach(function (b) {
        if (mayStart(b.bound, b.compare)) result.may = true;
        result.gaps.push(gap(b, inputs, ladder));
      });
    }
    if (ladder.share && inputs.amounts[ladder.share.school] !== null && inputs.amounts[ladder.share.amount] !== null) {
      result.share = { amount: inputs.amounts[ladder.share.amount], school: inputs.amounts[ladder.share.school] };
    }
    result.tierKnown = ladder.tier && result.share !== null;
    return result;
  }

  /* What is missing to the next stage on one measure, rounded up so that it is never 0 while
     the stage is not reached. */
  function gap(b, inputs, ladder) {
    var bound = b.bound;
    var measure = b.measure;
    var amount = inputs.amounts[measure.amount];
    var base = fieldOf(ladder, measure.amount);
    var percent = measure.unit === "percent";
    var school = percent ? inputs.amounts[measure.school] : null;
    var zero = bound.kind === "at" && bound.low === 0;
    if (zero && measure.unit !== "times") return { type: "from_first" };
    var strict = bound.kind === "over" || zero;

    function missing(value, above) {
      if (percent) {
        var need = value * school - amount * 10000;
        var approx = base.whole ? ceilDiv(need, 1000000) * 100 : ceilDiv(need, 10000);
        return { points: ceilDiv(need, 10 * school), amount: approx, unit: base.unit, percent: true, zero: need === 0 };
      }
      var target = value;
      // A whole count "over 5" is reached at 6, "at 4,5" at 5.
      if (base.whole) target = above ? (Math.floor(value / 100) + 1) * 100 : ceilDiv(value, 100) * 100;
      return { amount: target - amount, unit: base.unit, percent: false, zero: target === amount };
    }

    if (bound.kind === "range") {
      if (b.compare(bound.low) >= 0) return { type: "at_most", high: missing(bound.high, false) };
      return { type: "range", low: missing(bound.low, false), high: missing(bound.high, false) };
    }
    var need = missing(bound.low, strict);
    if (!percent && base.whole) return { type: "at", amount: need };
    if (strict && need.zero) return { type: "any" };
    return { type: strict ? "over" : "at", amount: need };
  }

  /* 1250 -> "12,5"; 1225 -> "12,25"; 1200 -> "12" (hundredths, decimal comma). */
  function hundredthsText(value) {
    var whole = Math.floor(value / 100);
    var fraction = String((value % 100) + 100).slice(1).replace(/0+$/, "");
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

  function join(template, parts) {
    return parts.reduce(function (words, part) {
      return fill(template, { first: words, second: part });
    });
  }

  function unitAmount(data, unit, hundredths) {
    var words = data.units[unit];
    return hundredthsText(hundredths) + " " + (hundredths === 100 ? words.one : words.many);
  }

  function missingText(data, missing) {
    var amount = unitAmount(data, missing.unit, missing.amount);
    if (!missing.percent) return amount;
    var template = missing.points === 10 ? data.text.gap_point_one : data.text.gap_points;
    return fill(template, { points: tenthsText(missing.points), amount: amount });
  }

  function gapText(data, g) {
    var t = data.text;
    if (g.type === "range") {
      return fill(t.gap_range, { low: missingText(data, g.low), high: missingText(data, g.high) });
    }
    if (g.type === "at_most") return fill(t.gap_at_most, { high: missingText(data, g.high) });
    if (g.type === "over") return fill(t.gap_over, { amount: missingText(data, g.amount) });
    return missingText(data, g.amount);
  }

  function distanceText(data, gaps) {
    var t = data.text;
    var types = gaps.map(function (g) {
      return g.type;
    });
    if (types.indexOf("from_first") >= 0) return t.next_from_first;
    if (types.indexOf("any") >= 0) return t.next_any;
    var share = gaps.some(function (g) {
      return (g.amount || g.high).percent;
    });
    var distance = join(data.either, gaps.map(function (g) {
      return gapText(data, g);
    }));
    return fill(share ? t.next_distance_share : t.next_distance, { distance: distance });
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

  /* The share as shown, in hundredths of a percent: rounded down to a tenth, to a hundredth
     where a tenth would fall below a bound it has reached, and "over" a bound it is only just
     above (the bounds come from generator/plan/calculator.py: percent_bounds). */
  function shownPercent(data, ladder, share) {
    var exact = share.amount * 10000;
    var shown = Math.floor((share.amount * 1000) / share.school) * 10;
    var bounds = ladder.percentBounds;
    if (bounds.every.some(function (b) { return shown < b && b * share.school <= exact; })) {
      shown = Math.floor(exact / share.school);
    }
    var over = bounds.strict.some(function (b) { return shown === b && exact > b * share.school; });
    var words = hundredthsText(shown);
    return over ? fill(data.text.percent_above, { number: words }) : words;
  }

  function section(heading, lines) {
    var part = element("section", null, "sky-calc__part");
    part.appendChild(element("h2", heading));
    lines.forEach(function (line) {
      part.appendChild(line);
    });
    return part;
  }

  /* Every line of the result, as the reference calculator writes them: what was counted, then
     the municipal stage and the national tier side by side. */
  function summary(data, ladder, inputs, result) {
    var t = data.text;
    var top = [];
    var lines = [];
    var amounts = ladder.fields.filter(function (field) {
      return !field.school && inputs.amounts[field.key] !== null;
    }).map(function (field) {
      return unitAmount(data, field.unit, inputs.amounts[field.key]) + " " + field.window;
    });
    top.push(element("p", fill(t.counted, { ladder: ladder.name, amounts: amounts.join(", ") })));
    if (result.share) {
      top.push(element("p", fill(t.percent, { percent: shownPercent(data, ladder, result.share), window: ladder.share.window }), "sky-calc__share"));
    }
    if (result.stage) {
      var current = element("p", null, "sky-calc__stage");
      current.appendChild(link(fill(t.stage, { number: result.stage.number, title: result.stage.title }), result.stage.url));
      lines.push(current);
      var limits = [];
      var fromFirst = false;
      result.reached.forEach(function (b) {
        if (b.bound.kind === "at" && b.bound.low === 0 && b.unit !== "times") fromFirst = true;
        else limits.push(forGrades(result.stage.words[b.unit], inputs.grades));
      });
      if (limits.length) lines.push(element("p", fill(t.stage_reached, { limits: join(t.both_measures, limits) })));
      if (fromFirst) lines.push(element("p", t.stage_from_first));
      if (result.stage.skyTier) lines.push(element("p", fill(t.stage_tier, { tier: result.stage.skyTier })));
    } else {
      lines.push(element("p", t.no_stage, "sky-calc__stage"));
      lines.push(element("p", ladder.counts === "lateness" ? t.concern_lateness : t.concern));
    }
    if (result.next) {
      lines.push(element("p", fill(t.next_stage, { number: result.next.number, title: result.next.title })));
      lines.push(element("p", fill(t.next_limit, { starts: forGrades(result.next.starts, inputs.grades) })));
      if (result.may) lines.push(element("p", t.next_may));
      lines.push(element("p", distanceText(data, result.gaps)));
    } else if (result.stage && result.last) {
      lines.push(element("p", t.last_stage));
    }
    if (result.skipped) lines.push(element("p", t.percent_skipped));
    result.triggers.forEach(function (stage) {
      lines.push(element("p", fill(t.triggers_stage, { number: stage.number, title: stage.title, triggers: stage.triggers.join(", ") })));
    });
    var answer = element("div", null, "sky-calc__answer");
    answer.appendChild(section(t.stage_heading, lines));
    answer.appendChild(section(t.tier_heading, tierLines(data, ladder, result)));
    top.push(answer);
    return top;
  }

  /* The national bands, one an item, the one the share falls in marked. */
  function bandList(data, result) {
    var t = data.text;
    var items = [fill(t.band_none, { lower: data.lowest })].concat(data.tiers.map(function (band) {
      return fill(t.band, { tier: band.tier, band: band.words });
    }));
    var list = element("ul", null, "sky-calc__bands");
    var marked = result.tierKnown ? result.tier || 0 : -1;
    items.forEach(function (words, index) {
      var item = element("li", index === marked ? fill(t.band_here, { band: words }) : words);
      if (index === marked) item.setAttribute("data-current", "");
      list.appendChild(item);
    });
    return list;
  }

  function differs(data, result) {
    var stage = result.stage;
    if (!stage || !stage.skyTier || stage.skyTier === result.tier) return [];
    if (result.tier === null) return [element("p", fill(data.text.tier_differs_none, { stage_tier: stage.skyTier, lower: data.lowest }))];
    return [element("p", fill(data.text.tier_differs, { stage_tier: stage.skyTier, tier: result.tier }))];
  }

  function tierLines(data, ladder, result) {
    var t = data.text;
    if (!ladder.tier) {
      if (ladder.counts === "all") return [element("p", t.tier_no_share)];
      if (data.allLadder) return [element("p", fill(t.tier_all_only, { ladder: data.allLadder }))];
      return [element("p", t.tier_not_counted)];
    }
    if (!result.tierKnown) return [element("p", t.tier_unknown), bandList(data, result)];
    var band = nationalTier(data.tiers, result.share.amount, result.share.school);
    result.tier = band ? band.tier : null;
    var line;
    if (!band) {
      line = element("p", t.tier_none);
    } else {
      line = element("p", fill(t.tier, { tier: band.tier, band: band.words }) + " ");
      line.appendChild(link(fill(t.tier_link, { tier: band.tier }), fill(data.tierUrl, { tier: band.tier })));
    }
    return [line, bandList(data, result)].concat(differs(data, result), [element("p", t.tier_relation)]);
  }

  /* The bands are in the page data (hundredths of a percent, as generator/playbook/tiers.py
     defines them); the share is compared with each bound without dividing. */
  function inBand(band, part, whole) {
    var share = part * 10000;
    var lower = band.lower * whole;
    if (band.lowerIncluded ? share < lower : share <= lower) return false;
    if (band.upper === null) return true;
    var upper = band.upper * whole;
    return band.upperIncluded ? share <= upper : share < upper;
  }

  function nationalTier(bands, part, whole) {
    for (var i = 0; i < bands.length; i++) {
      if (inBand(bands[i], part, whole)) return bands[i];
    }
    return null;
  }

  function details(data, stage) {
    var t = data.text;
    var nodes = [element("h2", fill(t.details_heading, { title: stage.title }))];
    var list = element("ol");
    stage.steps.forEach(function (step) {
      // As the teachers page writes a step: who and by when, what, and on what condition.
      var item = element("li");
      item.appendChild(element("strong", step.actors + (step.deadline ? ", " + step.deadline : "") + ":"));
      item.appendChild(document.createTextNode(" " + step.action + (step.condition ? " – " + step.condition : "")));
      list.appendChild(item);
    });
    nodes.push(list);
    [[data.responsible, stage.responsible], [t.record, stage.record]].forEach(function (pair) {
      if (!pair[1]) return;
      var line = element("p");
      line.appendChild(element("strong", pair[0] + ":"));
      line.appendChild(document.createTextNode(" " + pair[1]));
      nodes.push(line);
    });
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
    var grades = document.getElementById("sky-calc-grades");
    var waiting = Array.prototype.slice.call(output.childNodes);

    function ladderById(id) {
      return data.ladders.filter(function (ladder) {
        return ladder.id === id;
      })[0] || data.ladders[0];
    }

    function chosen() {
      return ladderById(checkedValue(form, "sky-calc-ladder") || data.defaultLadder);
    }

    function errorElements(ladder) {
      var elements = ladder.fields.map(function (field) {
        return { key: field.key, field: field, message: document.getElementById(field.id + "-error"), control: document.getElementById(field.id) };
      });
      elements.push({ key: "grades", field: null, message: document.getElementById("sky-calc-grades-error"), control: null });
      return elements;
    }

    function showErrors(ladder, errors) {
      errorElements(ladder).forEach(function (place) {
        if (!place.message) return;
        var error = errors.filter(function (e) {
          return e.field === place.key;
        })[0];
        var key = "";
        if (error && place.field) key = (place.field.school ? "school" : ERROR_PREFIX[place.field.unit]) + "." + error.code;
        else if (error) key = "grades." + error.code;
        place.message.textContent = error ? data.text[key] : "";
        place.message.hidden = !error;
        if (place.control) {
          if (error) place.control.setAttribute("aria-invalid", "true");
          else place.control.removeAttribute("aria-invalid");
        }
      });
    }

    function clear() {
      ["data-state", "data-errors", "data-ladder", "data-stage", "data-next", "data-tier"].forEach(function (name) {
        output.removeAttribute(name);
      });
      replaceChildren(output, waiting);
      replaceChildren(more, []);
      more.hidden = true;
    }

    function show(ladder, values) {
      var inputs = readInputs(ladder, values);
      clear();
      showErrors(ladder, inputs.errors || []);
      output.setAttribute("data-ladder", ladder.id);
      if (inputs.errors) {
        output.setAttribute("data-state", "error");
        output.setAttribute("data-errors", inputs.errors.map(function (e) {
          return e.field + "." + e.code;
        }).join(" "));
        replaceChildren(output, [element("p", data.text.check_fields)]);
        return inputs.errors[0].field;
      }
      var result = calculate(ladder, inputs);
      var lines = summary(data, ladder, inputs, result);
      var facts = {
        "data-state": "result",
        "data-errors": "",
        "data-stage": result.stage ? result.stage.id : "",
        "data-next": result.next ? result.next.id : "",
        "data-tier": result.tierKnown ? (result.tier === null ? "none" : String(result.tier)) : "unknown"
      };
      Object.keys(facts).forEach(function (name) {
        output.setAttribute(name, facts[name]);
      });
      replaceChildren(output, lines);
      replaceChildren(more, result.stage ? details(data, result.stage) : []);
      more.hidden = !result.stage;
      return null;
    }

    function showLadder(ladder) {
      data.ladders.forEach(function (other) {
        var inputs = document.getElementById("sky-calc-inputs-" + other.id);
        if (inputs) inputs.hidden = other !== ladder;
      });
      if (grades) grades.hidden = !ladder.gradeSplit;
    }

    form.addEventListener("change", function (event) {
      if (event.target.name !== "sky-calc-ladder") return;
      // A new choice starts afresh: no result or message of the last ladder stays.
      data.ladders.forEach(function (ladder) {
        showErrors(ladder, []);
      });
      showLadder(chosen());
      clear();
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var ladder = chosen();
      var values = { fields: {}, grades: checkedValue(form, "sky-calc-grades") };
      ladder.fields.forEach(function (field) {
        values.fields[field.key] = document.getElementById(field.id).value;
      });
      var invalid = show(ladder, values);
      if (invalid) {
        var first = invalid === "grades" ? form.querySelector('input[name="sky-calc-grades"]') : document.getElementById(fieldOf(ladder, invalid).id);
        // Focus the first field to fix, and bring its label and message into view with it.
        first.focus({ preventScroll: true });
        first.closest(".sky-calc__field").scrollIntoView({ block: "start" });
      }
    });
    showLadder(chosen());
    form.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
