// The sync-health dashboard: plain ES module, no framework. Talks to the API with the key kept in sessionStorage.
import { applyTranslations, languages, translate } from "./i18n.js";

const RESYNC_MAX = 100;
const PAGE_SIZE = 50;
const TREND_DAYS = 30;
const CATEGORY_COLOURS = {
  "property-values": "#2563eb", "picklists": "#7c3aed", "duplicates": "#db2777", "permissions": "#dc2626",
  "property-mapping": "#ea580c", "associations": "#0891b2", "custom-code": "#65a30d", "transient": "#94a3b8",
  "other": "#475569",
};
const storageKeys = { apiKey: "eventsync.apiKey", tenant: "eventsync.tenant", lang: "eventsync.lang" };

const state = {
  lang: "en", apiKey: "", tenant: "", catalog: null, health: null,
  card: null, errors: [], next: null, selected: new Set(),
};

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
const t = (key, vars) => translate(state.lang, key, vars);

class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

// ---- HTTP ---------------------------------------------------------------------------------------------------------

function tenantPath(path) {
  return `/api/tenants/${encodeURIComponent(state.tenant)}${path}`;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function send(path, { method = "GET", body } = {}) {
  const headers = { "X-Api-Key": state.apiKey, Accept: "application/json, application/problem+json, text/csv" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiProblem(0, { title: t("problem.network") });
  }
  if (response.status === 401) {
    askForKeyAgain();
    throw new ApiProblem(401, { title: t("login.rejected") });
  }
  if (!response.ok) throw new ApiProblem(response.status, await readProblem(response));
  return response;
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return { title: t("problem.generic", { status: response.status }) };
  }
}

async function getJson(path, options) {
  const response = await send(path, options);
  return response.status === 204 ? null : response.json();
}

// ---- Messages -----------------------------------------------------------------------------------------------------

function showProblem(error) {
  if (error?.status === 401) return;
  const problem = error instanceof ApiProblem ? error.problem : { title: String(error) };
  const box = $("problem");
  const text = box.querySelector(".problem-text");
  text.replaceChildren();
  const title = document.createElement("strong");
  title.textContent = problem.title || t("problem.generic", { status: error.status });
  text.append(title);
  if (problem.detail) text.append(document.createTextNode(` ${problem.detail}`));
  const list = problemList(problem.errors);
  if (list) text.append(list);
  box.hidden = false;
}

function problemList(errors) {
  if (!errors || typeof errors !== "object") return null;
  const list = document.createElement("ul");
  for (const messages of Object.values(errors)) {
    for (const message of [].concat(messages)) {
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    }
  }
  return list.childElementCount ? list : null;
}

function clearProblem() {
  $("problem").hidden = true;
}

function notify(message) {
  const notice = $("notice");
  notice.textContent = message;
  notice.hidden = false;
}

/** Puts the API's validation messages next to the fields they name (key "recipients[1]" -> field "recipients"). */
function showFieldErrors(form, problem) {
  clearFieldErrors(form);
  const fields = new Set([...form.querySelectorAll("[data-field]")].map((p) => p.dataset.field));
  const unplaced = [];
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const field = key.split(/[.[]/)[0];
    const match = [...fields].find((name) => name && name.toLowerCase() === field.toLowerCase());
    if (match) appendFieldError(form.querySelector(`[data-field="${match}"]`), messages);
    else unplaced.push(...[].concat(messages));
  }
  if (unplaced.length || !problem.errors) {
    const general = form.querySelector('[data-field=""]');
    if (general) appendFieldError(general, unplaced.length ? unplaced : [problem.detail || problem.title]);
    else if (unplaced.length) showProblem(new ApiProblem(400, { ...problem, errors: { "": unplaced } }));
  }
}

function appendFieldError(element, messages) {
  element.textContent = [element.textContent, ...[].concat(messages)].filter(Boolean).join(" ");
  element.hidden = false;
}

function clearFieldErrors(form) {
  for (const element of form.querySelectorAll("[data-field]")) {
    element.textContent = "";
    element.hidden = true;
  }
}

// ---- Formatting ---------------------------------------------------------------------------------------------------

const formatNumber = (value) => new Intl.NumberFormat(state.lang).format(value);
const formatDate = (value) =>
  new Intl.DateTimeFormat(state.lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "—";
  if (className) td.className = className;
  return td;
}

function categoryTitle(id) {
  return state.catalog?.categories.find((c) => c.id === id)?.title ?? id;
}

// ---- Sign-in ------------------------------------------------------------------------------------------------------

function showLogin(rejected) {
  $("dashboard").hidden = true;
  $("login").hidden = false;
  $("login-rejected").hidden = !rejected;
  for (const id of ["refresh", "open-settings", "sign-out", "current-tenant"]) $(id).hidden = true;
  $("login-tenant").value = state.tenant;
  (state.tenant ? $("login-key") : $("login-tenant")).focus();
}

function askForKeyAgain() {
  state.apiKey = "";
  sessionStorage.removeItem(storageKeys.apiKey);
  if ($("settings").open) $("settings").close();
  showLogin(true);
}

function signIn(event) {
  event.preventDefault();
  state.apiKey = $("login-key").value.trim();
  state.tenant = $("login-tenant").value.trim();
  sessionStorage.setItem(storageKeys.apiKey, state.apiKey);
  sessionStorage.setItem(storageKeys.tenant, state.tenant);
  $("login-key").value = "";
  showDashboard();
}

function signOut() {
  sessionStorage.removeItem(storageKeys.apiKey);
  state.apiKey = "";
  closeDetails();
  showLogin(false);
}

function showDashboard() {
  $("login").hidden = true;
  $("dashboard").hidden = false;
  for (const id of ["refresh", "open-settings", "sign-out", "current-tenant"]) $(id).hidden = false;
  $("current-tenant").textContent = `${t("header.tenant")}: ${state.tenant}`;
  refresh();
}

// ---- Overview: usage, cards, trend ------------------------------------------------------------------------------

async function refresh() {
  clearProblem();
  try {
    const [catalog, health] = await Promise.all([
      getJson(`/api/catalog${query({ lang: state.lang })}`),
      getJson(tenantPath(`/sync-health${query({ lang: state.lang })}`)),
    ]);
    state.catalog = catalog;
    state.health = health;
    renderUsage(health.apiUsage);
    renderCards(health.errorCards, health.unknownGroups ?? []);
    await loadTrend();
  } catch (error) {
    showProblem(error);
  }
}

function renderUsage(usage) {
  const section = $("usage");
  section.querySelector(".usage-body").hidden = !usage;
  $("usage-none").hidden = Boolean(usage);
  if (!usage) return;
  $("usage-used").textContent = formatNumber(usage.usedLast24h);
  $("usage-limit").textContent = formatNumber(usage.salesforceLimit);
  $("usage-allocated").textContent =
    usage.allocatedToHubSpot == null ? t("usage.notSet") : formatNumber(usage.allocatedToHubSpot);
  $("usage-reported").textContent = t("usage.reportedAt", { when: formatDate(usage.reportedAt) });
  renderUsageBar(usage);
  $("allocation-input").max = usage.salesforceLimit;
  if (document.activeElement !== $("allocation-input")) $("allocation-input").value = usage.allocatedToHubSpot ?? "";
}

function renderUsageBar(usage) {
  const bar = $("usage-bar");
  const percent = (value) => `${Math.min(100, (100 * value) / Math.max(1, usage.salesforceLimit))}%`;
  bar.setAttribute("aria-valuemax", usage.salesforceLimit);
  bar.setAttribute("aria-valuenow", usage.usedLast24h);
  bar.setAttribute("aria-label", t("usage.barLabel", {
    used: formatNumber(usage.usedLast24h), limit: formatNumber(usage.salesforceLimit),
  }));
  bar.querySelector(".bar-used").style.width = percent(usage.usedLast24h);
  bar.querySelector(".bar-used").classList.toggle("high", usage.usedLast24h > 0.9 * usage.salesforceLimit);
  const marker = bar.querySelector(".bar-allocation");
  marker.hidden = usage.allocatedToHubSpot == null;
  marker.style.left = percent(usage.allocatedToHubSpot ?? 0);
}

async function saveAllocation(event) {
  event.preventDefault();
  const form = event.target;
  clearFieldErrors(form);
  try {
    const usage = await getJson(tenantPath("/api-allocation"), {
      method: "PUT", body: { allocatedToHubSpot: Number($("allocation-input").value) },
    });
    state.health.apiUsage = usage;
    renderUsage(usage);
    notify(t("usage.saved"));
  } catch (error) {
    if (error.status === 400) showFieldErrors(form, error.problem);
    else showProblem(error);
  }
}

/** Cards grouped by category; categories with the most current errors first, cards in the API's impact order. */
function renderCards(cards, unknownGroups) {
  const container = $("cards");
  container.replaceChildren();
  $("cards-none").hidden = cards.length > 0;
  for (const [category, group] of groupByCategory(cards)) {
    const section = categoryGroup(category, group);
    if (category === "other" && unknownGroups.length) section.append(unknownGroupList(unknownGroups));
    container.append(section);
  }
}

/** The distinct problems behind the Other card, the largest first: each opens the errors of its fingerprint. */
function unknownGroupList(groups) {
  const list = document.createElement("div");
  list.className = "unknown-groups";
  list.dataset.testid = "unknown-groups";
  const heading = document.createElement("h4");
  heading.textContent = t("unknown.heading");
  list.append(heading, ...groups.map(unknownGroupCard));
  return list;
}

function unknownGroupCard(group) {
  const sample = [group.statusCode, group.sampleMessage].filter(Boolean).join(": ") || t("unknown.noMessage");
  const card = {
    category: "other", errorType: "unknown", fingerprint: group.fingerprint,
    title: t("unknown.groupTitle", { sample: sample.length > 120 ? `${sample.slice(0, 117)}...` : sample }),
    currentErrors: group.currentErrors, affectedRecords: group.affectedRecords,
  };
  const button = errorCard(card);
  button.classList.add("unknown-group");
  button.dataset.testid = "unknown-group";
  return button;
}

function groupByCategory(cards) {
  const groups = new Map();
  for (const card of cards) {
    if (!groups.has(card.category)) groups.set(card.category, []);
    groups.get(card.category).push(card);
  }
  const total = (group) => group.reduce((sum, card) => sum + card.currentErrors, 0);
  return [...groups].sort((a, b) => total(b[1]) - total(a[1]));
}

function categoryGroup(category, cards) {
  const section = document.createElement("section");
  section.className = "category";
  section.dataset.testid = `category-${category}`;
  const heading = document.createElement("h3");
  heading.textContent = categoryTitle(category);
  heading.style.setProperty("--colour", CATEGORY_COLOURS[category] ?? CATEGORY_COLOURS.other);
  const grid = document.createElement("div");
  grid.className = "card-grid";
  grid.append(...cards.map(errorCard));
  section.append(heading, grid);
  return section;
}

function errorCard(card) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "card";
  button.dataset.testid = `card-${card.errorType}`;
  button.style.setProperty("--colour", CATEGORY_COLOURS[card.category] ?? CATEGORY_COLOURS.other);
  button.setAttribute("aria-label", t("cards.open", { title: card.title }));
  button.innerHTML = `<span class="card-title"></span>
    <span class="card-figures"><span><strong data-testid="card-errors"></strong> ${t("cards.currentErrors")}</span>
    <span><strong data-testid="card-records"></strong> ${t("cards.affectedRecords")}</span></span>`;
  button.querySelector(".card-title").textContent = card.title;
  button.querySelector('[data-testid="card-errors"]').textContent = formatNumber(card.currentErrors);
  button.querySelector('[data-testid="card-records"]').textContent = formatNumber(card.affectedRecords);
  button.addEventListener("click", () => openCard(card));
  return button;
}

async function loadTrend() {
  const chart = $("trend-chart");
  try {
    const trend = await getJson(tenantPath(`/error-trend${query({ days: TREND_DAYS })}`));
    renderTrend(chart, trend);
  } catch (error) {
    if (error.status === 401) return;
    chart.replaceChildren(mutedText(error.status === 404 ? t("trend.unavailable") : error.message));
  }
}

function mutedText(text) {
  const p = document.createElement("p");
  p.className = "muted";
  p.textContent = text;
  return p;
}

// ---- Trend chart (inline SVG, stacked bars per day) ------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function renderTrend(chart, trend) {
  const days = trend?.days ?? [];
  const series = (trend?.series ?? []).filter((s) => s.counts.some((c) => c > 0));
  if (!days.length || !series.length) {
    chart.replaceChildren(mutedText(t("trend.none")));
    return;
  }
  const totals = days.map((_, i) => series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  const svg = trendSvg(days, series, Math.max(1, ...totals));
  chart.replaceChildren(svg, trendLegend(series));
}

function trendSvg(days, series, max) {
  const width = 720, height = 200, left = 36, bottom = 22, top = 8;
  const plotHeight = height - bottom - top;
  const step = (width - left) / days.length;
  const svg = svgElement("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("trend.chartLabel", { days: days.length }),
  });
  svg.dataset.testid = "trend-svg";
  for (const fraction of [0, 0.5, 1]) {
    const y = top + plotHeight * (1 - fraction);
    svg.append(svgElement("line", { x1: left, x2: width, y1: y, y2: y, class: "grid" }));
    const label = svgElement("text", { x: left - 6, y: y + 4, class: "axis", "text-anchor": "end" });
    label.textContent = formatNumber(Math.round(max * fraction));
    svg.append(label);
  }
  days.forEach((day, i) => svg.append(...dayBars(day, i, series, { left, step, top, plotHeight, max })));
  const ticks = [[0, "start"], [Math.floor(days.length / 2), "middle"], [days.length - 1, "end"]];
  for (const [i, anchor] of ticks) svg.append(dayLabel(days[i], anchor, anchor === "start" ? left : anchor === "end" ? width : left + step * (i + 0.5), height - 6));
  return svg;
}

function dayLabel(day, anchor, x, y) {
  const label = svgElement("text", { x, y, class: "axis", "text-anchor": anchor });
  label.textContent = new Intl.DateTimeFormat(state.lang, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(day));
  return label;
}

function dayBars(day, i, series, { left, step, top, plotHeight, max }) {
  let y = top + plotHeight;
  const bars = [];
  for (const s of series) {
    const count = s.counts[i] ?? 0;
    if (!count) continue;
    const h = (plotHeight * count) / max;
    y -= h;
    const rect = svgElement("rect", {
      x: left + step * i + step * 0.15, y, width: step * 0.7, height: h,
      fill: CATEGORY_COLOURS[s.category] ?? CATEGORY_COLOURS.other,
    });
    const tip = svgElement("title", {});
    tip.textContent = `${day} · ${categoryTitle(s.category)}: ${formatNumber(count)}`;
    rect.append(tip);
    bars.push(rect);
  }
  return bars;
}

function trendLegend(series) {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const s of series) {
    const item = document.createElement("li");
    item.style.setProperty("--colour", CATEGORY_COLOURS[s.category] ?? CATEGORY_COLOURS.other);
    item.textContent = `${categoryTitle(s.category)} (${formatNumber(s.counts.reduce((a, b) => a + b, 0))})`;
    list.append(item);
  }
  return list;
}

// ---- Details: error list, selection, resync, view, export -----------------------------------------------------------

function errorFilter() {
  return {
    errorType: state.card.errorType, fingerprint: state.card.fingerprint ?? "",
    state: $("filter-state").value, q: $("filter-q").value.trim(),
  };
}

async function openCard(card) {
  state.card = card;
  $("details").hidden = false;
  $("details-title").textContent = card.title;
  const info = state.catalog?.categories.flatMap((c) => c.errorTypes).find((e) => e.id === card.errorType);
  $("details-meaning").textContent = info?.meaning ?? "";
  $("details-fix").textContent = info?.fix ?? "";
  $("view").hidden = true;
  await loadErrors(false);
  $("details").scrollIntoView({ block: "start" });
}

function closeDetails() {
  state.card = null;
  $("details").hidden = true;
}

async function loadErrors(append) {
  try {
    const page = await getJson(tenantPath(`/errors${query({
      ...errorFilter(), lang: state.lang, limit: PAGE_SIZE, cursor: append ? state.next : "",
    })}`));
    if (!append) {
      state.errors = [];
      state.selected.clear();
    }
    state.errors.push(...page.items);
    state.next = page.next;
    renderErrors();
  } catch (error) {
    showProblem(error);
  }
}

function renderErrors() {
  $("errors-rows").replaceChildren(...state.errors.map(errorRow));
  $("errors-none").hidden = state.errors.length > 0;
  $("more").hidden = !state.next;
  updateSelection();
}

function errorRow(error) {
  const row = document.createElement("tr");
  row.dataset.testid = "error-row";
  row.dataset.errorId = error.id;
  const check = document.createElement("input");
  check.type = "checkbox";
  check.dataset.testid = "error-check";
  check.checked = state.selected.has(error.id);
  check.setAttribute("aria-label", t("details.select", { id: error.id }));
  check.addEventListener("change", () => {
    if (check.checked) state.selected.add(error.id);
    else state.selected.delete(error.id);
    updateSelection();
  });
  const first = document.createElement("td");
  first.append(check);
  const stateCell = cell(t(`state.${error.state}`), `state state-${error.state}`);
  stateCell.dataset.testid = "error-state";
  row.append(first, cell(error.objectType), cell(error.hubSpotId, "mono"), cell(error.salesforceId, "mono"),
    cell(error.message, "message"), stateCell, cell(formatDate(error.lastSeen), "nowrap"),
    cell(formatNumber(error.occurrences), "num"));
  return row;
}

function updateSelection() {
  const count = state.selected.size;
  $("selected-count").textContent = t("details.selected", { count });
  const over = count > RESYNC_MAX;
  $("resync-limit").textContent = over ? t("details.overLimit", { count, max: RESYNC_MAX }) : t("details.limit", { max: RESYNC_MAX });
  $("resync-limit").classList.toggle("field-error", over);
  $("resync").disabled = count === 0 || over;
  const all = $("select-all");
  all.checked = count > 0 && state.errors.every((e) => state.selected.has(e.id));
  all.indeterminate = count > 0 && !all.checked;
}

function toggleAll() {
  const check = $("select-all").checked;
  for (const error of state.errors) {
    if (check) state.selected.add(error.id);
    else state.selected.delete(error.id);
  }
  renderErrors();
}

async function resync() {
  const errorIds = [...state.selected];
  if (!errorIds.length || errorIds.length > RESYNC_MAX) return;
  $("resync").disabled = true;
  try {
    const result = await getJson(tenantPath("/resync"), { method: "POST", body: { errorIds } });
    // No request id: every selected error was already pending or resolved, so nothing new was requested.
    notify(t(result.requestId ? "details.resyncDone" : "details.resyncNothingNew", {
      requestId: result.requestId, accepted: result.accepted.length,
      pending: result.alreadyPending.length, notResyncable: result.notResyncable.length,
    }));
    await loadErrors(false);
    await refresh();
  } catch (error) {
    showProblem(error);
    updateSelection();
  }
}

async function createView() {
  try {
    const filter = errorFilter();
    const body = { errorType: filter.errorType, fingerprint: filter.fingerprint || null, state: filter.state || null, q: filter.q || null };
    const created = await getJson(tenantPath("/views"), { method: "POST", body });
    const view = await getJson(tenantPath(`/views/${encodeURIComponent(created.id)}`));
    renderView(view, created.url);
  } catch (error) {
    showProblem(error);
  }
}

function renderView(view, url) {
  $("view").hidden = false;
  $("view-title").textContent = t("view.title", { id: view.id });
  $("view-expires").textContent = t("view.expires", { when: formatDate(view.expiresAt), url: url ?? "" });
  const rows = view.records.map((record) => {
    const row = document.createElement("tr");
    row.dataset.testid = "view-row";
    row.append(cell(record.objectType), cell(record.hubSpotId, "mono"), cell(record.salesforceId, "mono"),
      cell((record.errorTypes ?? []).join(", ")));
    return row;
  });
  if (!rows.length) {
    const empty = document.createElement("tr");
    const td = cell(t("view.none"), "muted");
    td.colSpan = 4;
    empty.append(td);
    rows.push(empty);
  }
  $("view-rows").replaceChildren(...rows);
}

/** A plain link cannot send X-Api-Key, so the CSV is fetched and handed to the browser as a blob download. */
async function exportCsv() {
  try {
    const response = await send(tenantPath(`/errors/export.csv${query({ ...errorFilter(), lang: state.lang })}`));
    const blob = await response.blob();
    const file = fileName(response.headers.get("Content-Disposition")) ?? `sync-errors-${state.tenant}.csv`;
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    notify(t("details.exported", { file }));
  } catch (error) {
    showProblem(error);
  }
}

function fileName(disposition) {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? "");
  return match ? match[1] : null;
}

// ---- Notification settings ----------------------------------------------------------------------------------------

async function openSettings() {
  const form = document.getElementById("settings-form");
  clearFieldErrors(form);
  try {
    fillSettings(form, await getJson(tenantPath("/notification-settings")));
  } catch (error) {
    if (error.status !== 404) {
      showProblem(error);
      return;
    }
    fillSettings(form, { enabled: false, frequency: "daily", recipients: [], timeZone: "UTC", language: state.lang });
  }
  $("settings").showModal();
}

function fillSettings(form, settings) {
  form.elements.enabled.checked = Boolean(settings.enabled);
  form.elements.frequency.value = settings.frequency ?? "daily";
  form.elements.recipients.value = (settings.recipients ?? []).join("\n");
  form.elements.timeZone.value = settings.timeZone ?? "";
  form.elements.language.value = languages.includes(settings.language) ? settings.language : state.lang;
}

function readSettings(form) {
  return {
    enabled: form.elements.enabled.checked,
    frequency: form.elements.frequency.value,
    recipients: form.elements.recipients.value.split(/[\n,;]+/).map((r) => r.trim()).filter(Boolean),
    timeZone: form.elements.timeZone.value.trim(),
    language: form.elements.language.value,
  };
}

async function saveSettings(event) {
  event.preventDefault();
  const form = event.target;
  clearFieldErrors(form);
  try {
    await getJson(tenantPath("/notification-settings"), { method: "PUT", body: readSettings(form) });
    $("settings").close();
    notify(t("settings.saved"));
  } catch (error) {
    if (error.status === 400) showFieldErrors(form, error.problem);
    else if (error.status !== 401) showFieldErrors(form, { detail: error.message });
  }
}

// ---- Language -----------------------------------------------------------------------------------------------------

function setLanguage(lang) {
  state.lang = languages.includes(lang) ? lang : "en";
  sessionStorage.setItem(storageKeys.lang, state.lang);
  $("language").value = state.lang;
  applyTranslations(document, state.lang);
  $("notice").hidden = true;
  if ($("dashboard").hidden) return;
  $("current-tenant").textContent = `${t("header.tenant")}: ${state.tenant}`;
  refresh().then(() => {
    const card = state.card?.fingerprint ? state.card
      : state.card && state.health?.errorCards.find((c) => c.errorType === state.card.errorType);
    if (card) openCard(card);
  });
}

// ---- Start --------------------------------------------------------------------------------------------------------

function wire() {
  document.getElementById("login-form").addEventListener("submit", signIn);
  document.getElementById("allocation-form").addEventListener("submit", saveAllocation);
  document.getElementById("filter-form").addEventListener("submit", (e) => { e.preventDefault(); loadErrors(false); });
  document.getElementById("settings-form").addEventListener("submit", saveSettings);
  $("language").addEventListener("change", (e) => setLanguage(e.target.value));
  $("refresh").addEventListener("click", refresh);
  $("sign-out").addEventListener("click", signOut);
  $("open-settings").addEventListener("click", openSettings);
  $("settings-cancel").addEventListener("click", () => $("settings").close());
  $("problem-dismiss").addEventListener("click", clearProblem);
  $("details-close").addEventListener("click", closeDetails);
  $("select-all").addEventListener("change", toggleAll);
  $("resync").addEventListener("click", resync);
  $("create-view").addEventListener("click", createView);
  $("export-csv").addEventListener("click", exportCsv);
  $("more").addEventListener("click", () => loadErrors(true));
}

function start() {
  wire();
  state.apiKey = sessionStorage.getItem(storageKeys.apiKey) ?? "";
  state.tenant = sessionStorage.getItem(storageKeys.tenant) ?? "";
  const browserLang = navigator.language?.toLowerCase().startsWith("pl") ? "pl" : "en";
  setLanguage(sessionStorage.getItem(storageKeys.lang) ?? browserLang);
  if (state.apiKey && state.tenant) showDashboard();
  else showLogin(false);
}

start();
