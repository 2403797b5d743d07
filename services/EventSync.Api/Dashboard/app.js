// The sync-health dashboard: plain ES module, no framework. Talks to the API with the key kept in sessionStorage.
import { applyTranslations, hasText, languages, objectTypes, translate } from "./i18n.js";
import { recordLink } from "./record-link.js";
import { webhookSettings } from "./webhooks.js";

const RESYNC_MAX = 100;
const RESYNC_POLL_MS = 2_000;
const RESYNC_POLLS = 30;
const PROGRESS_IDS_PER_CALL = 100;
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
  resync: null, panelErrorId: null, allocationToConfirm: null,
  resyncs: { items: [], next: null }, activity: { items: [], next: null },
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
  // The API writes its problems (titles, field messages) in the operator's language.
  const headers = { "X-Api-Key": state.apiKey, Accept: "application/json, application/problem+json, text/csv", "Accept-Language": state.lang };
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
  if (!response.ok) {
    const problem = new ApiProblem(response.status, await readProblem(response));
    problem.retryAfter = response.headers.get("Retry-After");
    throw problem;
  }
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

function recordCell(id, href) {
  const td = cell(null, "mono");
  const content = recordLink(id, href);
  if (content instanceof Node) td.replaceChildren(content);
  else td.textContent = content ?? "—";
  return td;
}

function objectTypeName(id) {
  return id && hasText(state.lang, `objectType.${id}`) ? t(`objectType.${id}`) : id;
}

function errorTypeTitle(id) {
  return state.catalog?.categories.flatMap((c) => c.errorTypes).find((e) => e.id === id)?.title ?? id;
}

function directionName(direction) {
  return direction === "toSalesforce" || direction === "toHubSpot" ? t(`direction.${direction}`) : t("direction.none");
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
  $("tenant-unknown").hidden = true;
  showLogin(false);
}

function showDashboard() {
  $("login").hidden = true;
  $("dashboard").hidden = false;
  for (const id of ["refresh", "open-settings", "sign-out", "current-tenant"]) $(id).hidden = false;
  $("current-tenant").textContent = `${t("header.tenant")}: ${state.tenant}`;
  refresh();
  showWhatTheRoleMayDo();
}

/** Hides what the key's role may not do: a reader only reads; only an admin changes settings and the allocation. */
async function showWhatTheRoleMayDo() {
  try {
    state.principal = await getJson(tenantPath("/me"));
  } catch {
    return;
  }
  const role = state.principal.role;
  const operates = role === "operator" || role === "admin";
  document.body.dataset.role = role;
  state.operates = operates;
  for (const id of ["resync", "resync-all", "ignore", "create-view", "select-all"]) $(id).hidden = !operates;
  updateSelection();
  $("open-settings").hidden = role !== "admin";
  document.getElementById("allocation-form").hidden = role !== "admin";
  $("role-note").hidden = operates;
  $("role-note").textContent = operates ? "" : t("role.reader");
  $("current-tenant").textContent = `${t("header.tenant")}: ${state.tenant} · ${state.principal.name}`;
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
    await showWhetherTenantIsKnown(health);
    await loadTrend();
    await loadResyncs(false);
    await loadActivity(false);
  } catch (error) {
    showProblem(error);
  }
}

/**
 * A mistyped tenant id answers like a tenant with nothing wrong. No current cards and no usage report is not enough to
 * say "in sync": a tenant that ever reported something has at least one error in some state, or a usage report.
 */
async function showWhetherTenantIsKnown(health) {
  let unknown = false;
  if (!health.errorCards.length && !health.apiUsage) {
    const anyError = await getJson(tenantPath(`/errors${query({ limit: 1 })}`));
    unknown = anyError.items.length === 0;
  }
  $("tenant-unknown").hidden = !unknown;
  $("tenant-unknown").textContent = unknown ? t("cards.unknownTenant", { tenant: state.tenant }) : "";
  if (unknown) $("cards-none").hidden = true;
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
  $("usage-allocated").classList.toggle("not-set", usage.allocatedToHubSpot == null);
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

/** Saving below what was already used holds every resync back, so it asks first (inline) before it saves. */
function saveAllocation(event) {
  event.preventDefault();
  const raw = $("allocation-input").value.trim();
  const allocation = raw === "" ? null : Number(raw);
  const used = state.health?.apiUsage?.usedLast24h ?? 0;
  if (allocation !== null && allocation < used && state.allocationToConfirm !== allocation) {
    state.allocationToConfirm = allocation;
    showAllocationWarning(allocation, true);
    return;
  }
  putAllocation(allocation);
}

function showAllocationWarning(allocation, askToConfirm) {
  const used = state.health?.apiUsage?.usedLast24h ?? 0;
  const below = allocation !== null && Number.isFinite(allocation) && allocation < used;
  $("allocation-warning").hidden = !below;
  $("allocation-warning-text").textContent = below
    ? t("usage.belowUsage", { allocated: formatNumber(allocation), used: formatNumber(used) }) : "";
  $("allocation-confirm").hidden = !(below && askToConfirm);
}

function allocationTyped() {
  state.allocationToConfirm = null;
  $("allocation-status").hidden = true;
  const raw = $("allocation-input").value.trim();
  showAllocationWarning(raw === "" ? null : Number(raw), false);
}

async function putAllocation(allocation) {
  const form = document.getElementById("allocation-form");
  clearFieldErrors(form);
  $("allocation-status").hidden = true;
  try {
    const usage = await getJson(tenantPath("/api-allocation"), { method: "PUT", body: { allocatedToHubSpot: allocation } });
    state.allocationToConfirm = null;
    $("allocation-warning").hidden = true;
    state.health.apiUsage = { ...state.health.apiUsage, ...usage };
    renderUsage(state.health.apiUsage);
    $("allocation-input").value = usage.allocatedToHubSpot ?? "";
    $("allocation-status").textContent = usage.allocatedToHubSpot == null
      ? t("usage.cleared") : t("usage.saved", { allocated: formatNumber(usage.allocatedToHubSpot) });
    $("allocation-status").hidden = false;
    loadActivity(false);
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
    <span class="card-figures"><span data-testid="card-errors-text"><strong data-testid="card-errors"></strong> <span></span></span>
    <span data-testid="card-records-text"><strong data-testid="card-records"></strong> <span></span></span></span>`;
  button.querySelector('[data-testid="card-errors-text"] > span').textContent = t("cards.currentErrors", { count: card.currentErrors });
  button.querySelector('[data-testid="card-records-text"] > span').textContent = t("cards.affectedRecords", { count: card.affectedRecords });
  button.querySelector(".card-title").textContent = card.title;
  button.querySelector('[data-testid="card-errors"]').textContent = formatNumber(card.currentErrors);
  button.querySelector('[data-testid="card-records"]').textContent = formatNumber(card.affectedRecords);
  if (card.assignedErrors > 0) {
    const assigned = document.createElement("span");
    assigned.className = "card-assigned";
    assigned.dataset.testid = "card-assigned";
    assigned.textContent = t("cards.assigned", { count: card.assignedErrors });
    button.querySelector(".card-figures").append(assigned);
  }
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

// ---- Details: filters, error list, selection ------------------------------------------------------------------------

/** The filters as the API's list, view and export take them; the "to" day is inclusive on screen, exclusive in the API. */
function errorFilter() {
  const to = $("filter-to").value;
  return {
    errorType: state.card.errorType, fingerprint: state.card.fingerprint ?? "",
    state: $("filter-state").value, objectType: $("filter-object").value,
    from: $("filter-from").value, to: to ? nextDay(to) : "", q: $("filter-q").value.trim(),
    assignee: $("filter-assignee").value.trim(),
  };
}

function nextDay(isoDate) {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Every card starts from the same place: its current errors (open or resync pending, what the card counts), no other filter carried over. */
function resetFilters() {
  $("filter-state").value = "current";
  $("filter-object").value = "";
  $("filter-from").value = "";
  $("filter-to").value = "";
  $("filter-q").value = "";
  $("filter-assignee").value = "";
  $("filter-error").hidden = true;
}

function fillObjectTypeFilter() {
  const select = $("filter-object");
  const chosen = select.value;
  const all = document.createElement("option");
  all.value = "";
  all.textContent = t("details.allObjects");
  select.replaceChildren(all, ...objectTypes.map((id) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = objectTypeName(id);
    return option;
  }));
  select.value = chosen;
}

async function openCard(card) {
  stopResyncProgress();
  closeErrorPanel();
  resetFilters();
  $("resync-status").hidden = true;
  $("details-notice").hidden = true;
  await showCard(card);
  $("details").scrollIntoView({ block: "start" });
}

async function showCard(card) {
  state.card = card;
  $("details").hidden = false;
  $("details-title").textContent = card.title;
  const info = state.catalog?.categories.flatMap((c) => c.errorTypes).find((e) => e.id === card.errorType);
  $("details-meaning").textContent = info?.meaning ?? "";
  $("details-fix").textContent = info?.fix ?? "";
  $("view").hidden = true;
  await loadErrors(false);
}

function closeDetails() {
  stopResyncProgress();
  closeErrorPanel();
  state.card = null;
  $("details").hidden = true;
}

async function loadErrors(append) {
  $("filter-error").hidden = true;
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
    if (error.status === 400 && error.problem.errors) {
      $("filter-error").textContent = Object.values(error.problem.errors).flat().join(" ");
      $("filter-error").hidden = false;
    } else {
      showProblem(error);
    }
  }
}

/**
 * Puts the rows in a table's body, each cell labelled with its column's heading: on a phone a row of a wide table is a
 * block of labelled lines (table.stacked in app.css) instead of a table cut off at the side.
 */
function fillRows(body, rows) {
  body.replaceChildren(...rows);
  const headings = [...body.closest("table").querySelectorAll("thead th")].map((th) => th.textContent.trim());
  for (const row of rows) [...row.cells].forEach((td, i) => { td.dataset.label = headings[i] ?? ""; });
}

function renderErrors() {
  fillRows($("errors-rows"), state.errors.map(errorRow));
  $("errors-none").hidden = state.errors.length > 0;
  $("more").hidden = !state.next;
  updateSelection();
}

function errorRow(error) {
  const row = document.createElement("tr");
  row.dataset.testid = "error-row";
  row.dataset.errorId = error.id;
  row.classList.toggle("current", error.id === state.panelErrorId);
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
  const stateCell = cell(stateText(error), `state state-${error.state}`);
  stateCell.dataset.testid = "error-state";
  const fields = cell((error.fields ?? []).join(", ") || null, "fields mono");
  fields.dataset.testid = "error-fields";
  row.append(first, infoCell(error), cell(objectTypeName(error.objectType)), recordCell(error.hubSpotId, error.links?.hubSpot),
    recordCell(error.salesforceId, error.links?.salesforce), fields, cell(error.message, "message"), stateCell, assigneeCell(error),
    cell(formatDate(error.lastSeen), "nowrap"), cell(formatNumber(error.occurrences), "num"));
  return row;
}

function assigneeCell(error) {
  const td = cell(error.assignee ?? "", "assignee");
  td.dataset.testid = "error-assignee";
  return td;
}

function stateText(error) {
  const until = error.ignore?.until;
  return until ? t("state.ignoredUntil", { when: formatDate(until) }) : t(`state.${error.state}`);
}

function infoCell(error) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "secondary info";
  button.dataset.testid = "error-info";
  button.textContent = t("details.info");
  button.setAttribute("aria-label", t("details.infoOpen", {
    object: objectTypeName(error.objectType), id: error.hubSpotId ?? error.salesforceId ?? error.id,
  }));
  button.addEventListener("click", () => openErrorPanel(error.id));
  const td = document.createElement("td");
  td.append(button);
  return td;
}

function updateSelection() {
  const count = state.selected.size;
  $("selected-count").textContent = t("details.selected", { count });
  const over = count > RESYNC_MAX;
  $("resync-limit").textContent = over ? t("details.overLimit", { count, max: RESYNC_MAX }) : t("details.limit", { max: RESYNC_MAX });
  $("resync-limit").classList.toggle("field-error", over);
  $("resync").disabled = count === 0 || over;
  const ignoredSelected = state.errors.some((e) => e.state === "ignored" && state.selected.has(e.id));
  $("restore").hidden = !state.operates || !ignoredSelected;
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

function showDetailsNotice(message) {
  $("details-notice").textContent = message;
  $("details-notice").hidden = false;
}

// ---- Error details panel ------------------------------------------------------------------------------------------

async function openErrorPanel(errorId) {
  state.panelErrorId = errorId;
  for (const row of document.querySelectorAll('[data-testid="error-row"]')) row.classList.toggle("current", row.dataset.errorId === errorId);
  $("error-panel").hidden = false;
  $("error-panel-notice").hidden = true;
  $("error-panel-title").textContent = t("panel.loading");
  $("error-panel-body").replaceChildren();
  try {
    const error = await getJson(tenantPath(`/errors/${encodeURIComponent(errorId)}${query({ lang: state.lang })}`));
    if (state.panelErrorId !== errorId) return;
    renderErrorPanel(error);
    $("error-panel-title").focus();
  } catch (problem) {
    if (state.panelErrorId !== errorId) return;
    $("error-panel-title").textContent = t("details.info");
    $("error-panel-body").replaceChildren(mutedText(problem.message));
  }
}

function closeErrorPanel() {
  state.panelErrorId = null;
  $("error-panel").hidden = true;
  for (const row of document.querySelectorAll('[data-testid="error-row"].current')) row.classList.remove("current");
}

function renderErrorPanel(error) {
  $("error-panel-title").textContent = error.title;
  $("error-panel-body").replaceChildren(
    facts("panel-record", [
      [t("panel.object"), objectTypeName(error.objectType), "panel-object"],
      [t("details.hubSpotId"), recordLink(error.hubSpotId, error.links?.hubSpot), "panel-hubspot-id"],
      [t("details.salesforceId"), recordLink(error.salesforceId, error.links?.salesforce), "panel-salesforce-id"],
      [t("panel.direction"), directionName(error.direction), "panel-direction"],
      [t("panel.statusCode"), error.statusCode, "panel-status-code"],
      [t("panel.fields"), (error.fields ?? []).join(", ") || null, "panel-fields"],
      [t("panel.state"), t(`state.${error.state}`), "panel-state"],
      [t("panel.firstSeen"), formatDate(error.firstSeen), "panel-first-seen"],
      [t("panel.lastSeen"), formatDate(error.lastSeen), "panel-last-seen"],
      [t("panel.times"), formatNumber(error.occurrences), "panel-times"],
    ]),
    ...(error.ignore ? [section(t("panel.ignored"), ignoreFacts(error.ignore))] : []),
    section(t("panel.assignee"), assigneeEditor(error)),
    section(t("panel.notes"), notesList(error.notes ?? []), ...(state.operates ? [noteEditor(error)] : [])),
    section(t("panel.message"), paragraph(error.message, "panel-message")),
    section(t("details.meaning"), paragraph(error.meaning, "panel-meaning")),
    section(t("details.fix"), paragraph(error.fix, "panel-fix")),
    section(t("panel.history"), historyTable(error.history ?? [])),
    section(t("panel.raw"), preformatted(JSON.stringify(error.rawErrors ?? [], withoutEmpty, 2), "panel-raw")),
    section(t("panel.decision"), decisionFacts(error)),
  );
}

/** What saving an assignee did: nobody, someone emailed, or a name (which gets no email, so say so). */
function assignedText(who) {
  if (!who) return t("panel.unassigned");
  return t(/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(who) ? "panel.assignedEmail" : "panel.assignedName", { who });
}

/** What the engine reported, without the members it left empty (null, "" or []), which only hide the rest. */
const withoutEmpty = (key, value) => (key !== "" && isEmptyValue(value) ? undefined : value);

/** Who looks at the error; an operator changes it here (empty: nobody). */
function assigneeEditor(error) {
  if (!state.operates) return paragraph(error.assignee ?? t("panel.nobody"), "panel-assignee");
  const input = document.createElement("input");
  input.type = "text";
  input.value = error.assignee ?? "";
  input.maxLength = 200;
  input.placeholder = t("panel.assigneeHint");
  input.dataset.testid = "panel-assignee";
  input.setAttribute("aria-label", t("panel.assignee"));
  const form = panelForm(error, {
    className: "inline-form", control: input, field: "assignee", label: t("panel.assign"), buttonTestId: "panel-assign",
    change: () => ({ path: "assignee", method: "PUT", body: { assignee: input.value.trim() || null } }),
    saved: () => assignedText(input.value.trim()),
  });
  form.dataset.testid = "panel-assignee-form";
  return form;
}

function notesList(notes) {
  if (!notes.length) return mutedText(t("panel.notesNone"));
  const list = document.createElement("ol");
  list.className = "notes";
  list.dataset.testid = "panel-notes";
  for (const note of notes) {
    const item = document.createElement("li");
    item.dataset.testid = "panel-note";
    const who = document.createElement("span");
    who.className = "muted small";
    who.textContent = `${note.author} · ${formatDate(note.at)}`;
    const text = document.createElement("p");
    text.textContent = note.text;
    item.append(who, text);
    list.append(item);
  }
  return list;
}

function noteEditor(error) {
  const text = document.createElement("textarea");
  text.rows = 2;
  text.maxLength = 2000;
  text.dataset.testid = "panel-note-text";
  text.setAttribute("aria-label", t("panel.addNote"));
  return panelForm(error, {
    className: "note-form", control: text, field: "text", label: t("panel.addNote"), buttonTestId: "panel-note-add",
    change: () => ({ path: "notes", method: "POST", body: { text: text.value } }),
    saved: () => t("panel.noteAdded"),
  });
}

/**
 * A form of the details panel: its control, a button, and the place for the server's message on the field; submitting
 * sends change() = { path (under the error), method, body }, shows the error again and says saved().
 */
function panelForm(error, { className, control, field, label, buttonTestId, change, saved }) {
  const form = document.createElement("form");
  form.className = className;
  const button = document.createElement("button");
  button.type = "submit";
  button.className = "secondary";
  button.textContent = label;
  button.dataset.testid = buttonTestId;
  const problem = document.createElement("p");
  problem.className = "field-error";
  problem.dataset.field = field;
  problem.hidden = true;
  form.append(control, button, problem);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { path, method, body } = change();
    changeErrorPanel(form, error.id, `/errors/${encodeURIComponent(error.id)}/${path}`, method, body, saved());
  });
  return form;
}

/**
 * Sends a change of the open error, then shows it again (and the list, whose assignee column may have changed) with
 * what was done, in the panel's status line.
 */
async function changeErrorPanel(form, errorId, path, method, body, done) {
  clearFieldErrors(form);
  try {
    await getJson(tenantPath(path), { method, body });
    await openErrorPanel(errorId);
    $("error-panel-notice").textContent = done;
    $("error-panel-notice").hidden = false;
    loadErrors(false);
    refreshCardsQuietly();
  } catch (error) {
    if (error.status === 400) showFieldErrors(form, error.problem);
    else if (error.status !== 401) showFieldErrors(form, { detail: error.message });
  }
}

/** Who ignored the error, since when, its conditions and why; the conditions and the reason only where given. */
function ignoreFacts(ignore) {
  return facts("panel-ignore", [
    [t("panel.ignoredBy"), ignore.ignoredBy, "panel-ignored-by"],
    [t("panel.ignoredAt"), formatDate(ignore.ignoredAt)],
    [t("panel.ignoredUntil"), ignore.until ? formatDate(ignore.until) : null, "panel-ignored-until"],
    [t("panel.ignoredUntilCount"), ignore.untilOccurrences ? t("panel.moreFailures", { count: ignore.untilOccurrences }) : null],
    [t("panel.ignoreReason"), ignore.reason, "panel-ignore-reason"],
  ].filter(([, value]) => value));
}

function facts(testId, rows) {
  const list = document.createElement("dl");
  list.className = "facts";
  list.dataset.testid = testId;
  for (const [label, value, id] of rows) {
    const term = document.createElement("dt");
    term.textContent = label;
    const description = document.createElement("dd");
    if (value instanceof Node) description.append(value);
    else description.textContent = value ?? t("panel.none");
    if (id) description.dataset.testid = id;
    list.append(term, description);
  }
  return list;
}

function section(title, ...content) {
  const part = document.createElement("section");
  const heading = document.createElement("h3");
  heading.textContent = title;
  part.append(heading, ...content);
  return part;
}

function paragraph(text, testId) {
  const p = document.createElement("p");
  p.textContent = text ?? t("panel.none");
  p.dataset.testid = testId;
  return p;
}

function preformatted(text, testId) {
  const pre = document.createElement("pre");
  pre.textContent = text;
  pre.dataset.testid = testId;
  return pre;
}

function historyTable(history) {
  if (!history.length) return mutedText(t("panel.historyNone"));
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  const table = document.createElement("table");
  table.dataset.testid = "panel-history";
  const head = document.createElement("tr");
  for (const key of ["panel.when", "panel.statusCode", "panel.message"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = t(key);
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const body = document.createElement("tbody");
  for (const entry of history) {
    const row = document.createElement("tr");
    row.dataset.testid = "panel-history-row";
    row.append(cell(formatDate(entry.occurredAt)), cell(entry.statusCode, "mono"), cell(entry.message));
    body.append(row);
  }
  table.append(thead, body);
  wrap.append(table);
  return wrap;
}

function decisionFacts(error) {
  const decision = error.decision;
  if (!decision) {
    const note = mutedText(t("panel.noDecision", { rule: error.ruleId }));
    note.dataset.testid = "panel-decision";
    return note;
  }
  const near = (decision.nearRules ?? []).map((rule) => rule.ruleId ?? rule.id ?? JSON.stringify(rule)).join(", ");
  return facts("panel-decision", [
    [t("panel.rule"), decision.ruleId],
    [t("panel.code"), decision.code],
    [t("panel.words"), decision.words],
    [t("panel.fields"), (decision.fields ?? []).join(", ") || null],
    [t("panel.nearRules"), near || null],
  ]);
}

// ---- Resync and its progress ------------------------------------------------------------------------------------------

async function resync() {
  const errorIds = [...state.selected];
  if (!errorIds.length || errorIds.length > RESYNC_MAX) return;
  $("resync").disabled = true;
  stopResyncProgress();
  try {
    const result = await getJson(tenantPath("/resync"), { method: "POST", body: { errorIds } });
    state.resync = { answer: result, progress: null, polls: 0, timer: null, stopped: false };
    markResyncPending(result.accepted);
    renderResyncStatus();
    $("resync-status").scrollIntoView({ block: "nearest" });
    if (result.requestId) await followResync(() => getJson(tenantPath(`/resync-requests/${encodeURIComponent(result.requestId)}`)));
    refreshCardsQuietly();
  } catch (error) {
    showProblem(error);
    updateSelection();
  }
}

/** Every open error the filters select, in requests of 100 (POST .../resync-all), after the operator confirmed. */
async function resyncAll() {
  if (!window.confirm(t("details.resyncAllConfirm", { count: state.errors.filter((e) => e.state === "open").length }))) return;
  stopResyncProgress();
  try {
    const { state: _, ...filter } = errorFilter();
    const body = Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
    const result = await getJson(tenantPath("/resync-all"), { method: "POST", body });
    const run = { all: result, progress: null, polls: 0, timer: null, stopped: false };
    state.resync = run;
    renderResyncStatus();
    $("resync-status").scrollIntoView({ block: "nearest" });
    // What was just requested: the errors now waiting for their resync.
    if (result.requestIds.length) $("filter-state").value = "resync-pending";
    await loadErrors(false);
    refreshCardsQuietly();
    if (result.requestIds.length && state.resync === run) await followResync(() => combinedProgress(result.requestIds));
  } catch (error) {
    showProblem(error);
  }
}

/** The rows stay where the operator sees them, with their new state, until the list is loaded again. */
function markResyncPending(acceptedIds) {
  const accepted = new Set(acceptedIds);
  for (const error of state.errors) if (accepted.has(error.id)) error.state = "resync-pending";
  state.selected.clear();
  renderErrors();
}

// ---- Ignore and restore ------------------------------------------------------------------------------------------

function openIgnoreDialog() {
  const form = document.getElementById("ignore-form");
  clearFieldErrors(form);
  const selected = state.selected.size;
  // Resolved errors are never ignored: a list of them offers only its selection.
  const listsResolved = $("filter-state").value === "resolved";
  $("ignore-scope-selected").disabled = selected === 0;
  $("ignore-scope-filter").disabled = listsResolved;
  $("ignore-scope-selected-label").textContent = t("ignore.selected", { count: selected });
  form.elements.scope.value = selected || listsResolved ? "selected" : "filter";
  $("ignore-dialog").showModal();
}

/** The ignore request the dialog describes: the selected errors or every one the filters select, and when they come back. */
function readIgnore(form) {
  const body = {};
  if (form.elements.scope.value === "selected") body.errorIds = [...state.selected];
  else {
    body.filter = Object.fromEntries(Object.entries(errorFilter()).filter(([, value]) => value));
  }
  if (form.elements.byDate.checked) {
    const until = new Date(form.elements.until.value);
    body.until = Number.isNaN(until.getTime()) ? form.elements.until.value : until.toISOString();
  }
  if (form.elements.byCount.checked) body.untilOccurrences = Number(form.elements.untilOccurrences.value);
  const reason = form.elements.reason.value.trim();
  if (reason) body.reason = reason;
  return body;
}

async function saveIgnore(event) {
  event.preventDefault();
  const form = event.target;
  clearFieldErrors(form);
  try {
    const result = await getJson(tenantPath("/errors/ignore"), { method: "POST", body: readIgnore(form) });
    $("ignore-dialog").close();
    form.reset();
    await afterIgnoreOrRestore(t("ignore.done", { count: result.changed.length }), result);
  } catch (error) {
    if (error.status === 400) showFieldErrors(form, error.problem);
    else if (error.status !== 401) showFieldErrors(form, { detail: error.message });
  }
}

async function restoreSelected() {
  const errorIds = state.errors.filter((e) => e.state === "ignored" && state.selected.has(e.id)).map((e) => e.id);
  try {
    const result = await getJson(tenantPath("/errors/restore"), { method: "POST", body: { errorIds } });
    await afterIgnoreOrRestore(t("ignore.restored", { count: result.changed.length }), result);
  } catch (error) {
    showProblem(error);
  }
}

async function afterIgnoreOrRestore(message, result) {
  const left = result.unchanged.length ? ` ${t("ignore.unchanged", { count: result.unchanged.length })}` : "";
  await loadErrors(false);
  showDetailsNotice(`${message}${left}`);
  refreshCardsQuietly();
}

// ---- Resync requests: newest first, a page at a time -----------------------------------------------------------

/** A list the API pages newest first, ten at a time: the first page again, or the next one appended. */
async function loadTenPerPage(path, list, append, render) {
  try {
    const page = await getJson(tenantPath(`${path}${query({ limit: 10, cursor: append ? list.next : "" })}`));
    list.items = append ? [...list.items, ...page.items] : page.items;
    list.next = page.next;
    render();
  } catch (error) {
    showProblem(error);
  }
}

/** The rows of the table {name}-table, or the sentence {name}-none when there are none, and "More" while there is more. */
function showTenPerPage(name, rows, next) {
  fillRows($(`${name}-rows`), rows);
  $(`${name}-none`).hidden = rows.length > 0;
  $(`${name}-table`).hidden = rows.length === 0;
  $(`${name}-more`).hidden = !next;
}

const loadResyncs = (append) => loadTenPerPage("/resync-requests", state.resyncs, append, renderResyncs);

function renderResyncs() {
  const rows = state.resyncs.items.map((request) => {
    const row = document.createElement("tr");
    row.dataset.testid = "resync-row";
    const who = request.kind === "automatic" ? t("resyncs.automatic") : request.requestedBy;
    const counts = Object.entries(request.counts).filter(([, count]) => count > 0)
      .map(([name, count]) => t(`resync.${name}`, { count })).join("; ");
    row.append(cell(formatDate(request.requestedAt), "nowrap"), cell(who), cell(t(`resync.outcome.${request.outcome}`)), cell(counts));
    return row;
  });
  showTenPerPage("resyncs", rows, state.resyncs.next);
}

async function refreshCardsQuietly() {
  loadResyncs(false);
  loadActivity(false);
  try {
    const health = await getJson(tenantPath(`/sync-health${query({ lang: state.lang })}`));
    state.health = health;
    renderUsage(health.apiUsage);
    renderCards(health.errorCards, health.unknownGroups ?? []);
  } catch (error) {
    showProblem(error);
  }
}

/** Polls the progress while it is in progress, at most RESYNC_POLLS times; another card or closing the details stops it. */
async function followResync(read) {
  const run = state.resync;
  const before = JSON.stringify(run.progress?.counts ?? null);
  try {
    run.progress = await read();
  } catch (error) {
    run.loadError = error.message;
  }
  if (state.resync !== run) return;
  // The Resync requests panel moves on with the records, not only when the page is refreshed.
  if (run.progress && JSON.stringify(run.progress.counts) !== before) loadResyncs(false);
  run.polls += 1;
  const inProgress = !run.loadError && run.progress?.outcome === "in-progress";
  run.stopped = inProgress && run.polls >= RESYNC_POLLS;
  renderResyncStatus();
  if (inProgress && !run.stopped) run.timer = setTimeout(() => followResync(read), RESYNC_POLL_MS);
}

/** The requests of one resync of all matching errors, added up (GET .../resync-progress, up to 100 request ids a call). */
async function combinedProgress(requestIds) {
  const calls = [];
  for (let i = 0; i < requestIds.length; i += PROGRESS_IDS_PER_CALL) {
    const ids = requestIds.slice(i, i + PROGRESS_IDS_PER_CALL).map((id) => `requestId=${encodeURIComponent(id)}`).join("&");
    calls.push(getJson(tenantPath(`/resync-progress?${ids}`)));
  }
  const parts = await Promise.all(calls);
  const counts = {};
  for (const part of parts) for (const [name, count] of Object.entries(part.counts)) counts[name] = (counts[name] ?? 0) + count;
  const outcomes = parts.map((part) => part.outcome);
  const outcome = ["in-progress", "failed"].find((o) => outcomes.includes(o)) ?? "completed";
  return { outcome, counts, deferred: parts.flatMap((part) => part.deferred) };
}

function stopResyncProgress() {
  if (state.resync?.timer) clearTimeout(state.resync.timer);
  state.resync = null;
}

function renderResyncStatus() {
  const run = state.resync;
  if (!run) return;
  const followed = run.all ? run.all.requestIds.length > 0 : Boolean(run.answer.requestId);
  $("resync-notice").textContent = run.all ? resyncAllNotice(run.all) : resyncNotice(run.answer);
  const line = $("resync-progress");
  line.hidden = !followed;
  if (followed) {
    if (run.loadError) line.textContent = t("resync.loadFailed", { reason: run.loadError });
    else line.replaceChildren(...progressNodes(run));
  }
  $("resync-status").classList.toggle("deferred", (run.progress?.counts?.deferred ?? 0) > 0);
  $("resync-status").hidden = false;
}

function resyncNotice(answer) {
  const said = [];
  if (answer.requestId) said.push(t("resync.accepted", { count: answer.accepted.length }));
  if (answer.alreadyPending.length) said.push(t("resync.alreadyPending", { count: answer.alreadyPending.length }));
  if (answer.notResyncable.length) said.push(t("resync.notResyncable", { count: answer.notResyncable.length }));
  return answer.requestId ? `${said.join("; ")}.` : [t("resync.nothingNew"), ...said].join(" ");
}

/** "N errors in K requests" (each listed under Resync requests); their progress together follows. */
function resyncAllNotice(all) {
  return all.requestIds.length
    ? `${t("resync.allAccepted", { count: all.requestIds.length, errors: formatNumber(all.errors) })}.`
    : t("resync.allNothing");
}

/** "<outcome>: 150 records queued; 100 records sent…": one element per state with its count (data-state, data-count). */
function progressNodes(run) {
  const progress = run.progress;
  if (!progress) return [document.createTextNode(t("common.loading"))];
  const counts = progress.counts ?? {};
  const parts = [];
  const part = (name, text) => {
    const span = document.createElement("span");
    span.dataset.testid = "resync-count";
    span.dataset.state = name;
    span.dataset.count = counts[name];
    span.textContent = text;
    parts.push(span);
  };
  if (counts.queued) part("queued", t("resync.queued", { count: counts.queued }));
  if (counts.deferred) part("deferred", run.all ? combinedDeferredText(progress, counts.deferred) : deferredText(progress, counts.deferred));
  for (const name of ["sent", "completed", "failed"]) if (counts[name]) part(name, t(`resync.${name}`, { count: counts[name] }));
  const nodes = [document.createTextNode(`${t("resync.progress", { outcome: t(`resync.outcome.${progress.outcome}`) })} `)];
  parts.forEach((span, index) => nodes.push(...(index ? [document.createTextNode("; "), span] : [span])));
  if (!parts.length) nodes.push(document.createTextNode(t("resync.nothingLeft")));
  nodes.push(document.createTextNode(run.stopped ? `. ${t("resync.stopped")}` : "."));
  return nodes;
}

/** "N deferred until <the latest expected time>: <why>", the reason said in the operator's words where it is a known one. */
function deferredText(progress, count) {
  const deferred = (progress.parts ?? []).filter((part) => part.state === "deferred");
  const times = deferred.map((part) => part.expectedAt).filter(Boolean).map((at) => new Date(at));
  const until = times.length === deferred.length && times.length
    ? t("resync.deferredUntil", { count, when: formatDate(Math.max(...times)) })
    : t("resync.deferred", { count });
  const reasons = [...new Set(deferred.map((part) => reasonText(part)).filter(Boolean))];
  return reasons.length ? `${until}: ${reasons.join("; ")}` : until;
}

/** "N deferred, the first expected to go at <the earliest time>: <why>" over the requests of a resync of all matching errors. */
function combinedDeferredText(progress, count) {
  const groups = progress.deferred ?? [];
  const times = groups.map((group) => group.earliestExpectedAt).filter(Boolean).map((at) => new Date(at));
  const first = times.length
    ? t("resync.deferredFirstAt", { count, when: formatDate(Math.min(...times)) })
    : t("resync.deferred", { count });
  const reasons = [...new Set(groups.map((group) => reasonText({ reason: group.reason, expectedAt: group.earliestExpectedAt })).filter(Boolean))];
  return reasons.length ? `${first}: ${reasons.join("; ")}` : first;
}

function reasonText(part) {
  const reason = part.reason ?? "";
  if (reason.startsWith("api-budget")) return t(part.expectedAt ? "resync.reason.budget" : "resync.reason.report");
  if (reason.startsWith("back-off")) return t("resync.reason.backOff");
  return reason;
}

// ---- Temporary view and CSV export ----------------------------------------------------------------------------------

async function createView() {
  try {
    const filter = errorFilter();
    const body = Object.fromEntries(Object.entries(filter).map(([name, value]) => [name, value || null]));
    const created = await getJson(tenantPath("/views"), { method: "POST", body });
    const view = await getJson(tenantPath(`/views/${encodeURIComponent(created.id)}`));
    renderView(view, created.page);
    loadActivity(false);
  } catch (error) {
    showProblem(error);
  }
}

function renderView(view, page) {
  $("view").hidden = false;
  $("view-title").textContent = t("view.title", { id: view.id });
  $("view-expires").textContent = t("view.expires", { when: formatDate(view.expiresAt) });
  $("view-page").textContent = t("view.open");
  $("view-page").href = page;
  const rows = view.records.map((record) => {
    const row = document.createElement("tr");
    row.dataset.testid = "view-row";
    row.append(cell(objectTypeName(record.objectType)), recordCell(record.hubSpotId, record.links?.hubSpot),
      recordCell(record.salesforceId, record.links?.salesforce), cell((record.errorTypes ?? []).map(errorTypeTitle).join(", ")));
    return row;
  });
  if (!rows.length) {
    const empty = document.createElement("tr");
    const td = cell(t("view.none"), "muted");
    td.colSpan = 4;
    empty.append(td);
    rows.push(empty);
  }
  fillRows($("view-rows"), rows);
  $("view").scrollIntoView({ block: "nearest" });
}

/** A plain link cannot send X-Api-Key, so a CSV is fetched and handed to the browser as a blob download. */
async function download(path, file) {
  const blob = await (await send(path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function exportCsv() {
  try {
    const file = exportFileName(new Date());
    await download(tenantPath(`/errors/export.csv${query({ ...errorFilter(), lang: state.lang })}`), file);
    showDetailsNotice(t("details.exported", { file }));
  } catch (error) {
    showProblem(error);
  }
}

/** sync-errors_acme-eu_invalid-email_2026-12-07T1405Z.csv: whose, which errors, when (UTC), safe on every file system. */
function exportFileName(now) {
  const what = state.card.fingerprint ? `${state.card.errorType}-${state.card.fingerprint}` : state.card.errorType;
  return `${t("file.errors")}_${safeFileName(state.tenant)}_${safeFileName(what)}_${fileTime(now)}.csv`;
}

const safeFileName = (text) => String(text).replace(/[^A-Za-z0-9._-]+/g, "-");
const fileTime = (now) => now.toISOString().slice(0, 16).replace(/:/g, "") + "Z";

// ---- Activity: the audit trail, newest first, a page at a time ---------------------------------------------------

const loadActivity = (append) => loadTenPerPage("/audit", state.activity, append, renderActivity);

function renderActivity() {
  const rows = state.activity.items.map((entry) => {
    const row = document.createElement("tr");
    row.dataset.testid = "activity-row";
    row.append(cell(formatDate(entry.at), "nowrap"), cell(entry.principal), cell(actionText(entry)), cell(activityDetails(entry) || null));
    return row;
  });
  showTenPerPage("activity", rows, state.activity.next);
}

/** The action in words; an action this page does not know yet shows its wire name. */
function actionText(entry) {
  const key = `activity.action.${entry.action}`;
  const count = entry.subject?.errors ?? entry.subject?.errorIds?.length ?? 0;
  return hasText(state.lang, key) ? t(key, { count }) : entry.action;
}

/** What the change touched (a request, a view, a filter), then each value that changed: "label: before → after". */
function activityDetails(entry) {
  const subject = entry.subject ?? {};
  const parts = [];
  if (subject.requestId) parts.push(t("activity.request", { id: shortId(subject.requestId) }));
  if (subject.requestIds) parts.push(t("activity.requests", { count: subject.requestIds.length }));
  if (subject.viewId) parts.push(t("activity.view", { id: shortId(subject.viewId) }));
  if (subject.filter) parts.push(t("activity.filter", { filter: changes(null, subject.filter) || t("activity.everything") }));
  const changed = changes(entry.before, entry.after);
  if (changed) parts.push(changed);
  return parts.join(" · ");
}

function changes(before, after) {
  if (!after || typeof after !== "object") return "";
  const keys = Object.keys(after).filter((key) => before
    ? JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)
    : !isEmptyValue(after[key]));
  return keys.map((key) => {
    if (key === "endpoints") return `${fieldLabel(key)}: ${endpointChanges(before?.[key], after[key])}`;
    return before
      ? `${fieldLabel(key)}: ${valueText(key, before[key])} → ${valueText(key, after[key])}`
      : `${fieldLabel(key)}: ${valueText(key, after[key])}`;
  }).join("; ");
}

/** Webhook endpoints by id: which were added or removed, and what changed in the others ("ops-alerts (url: a → b)"). */
function endpointChanges(before, after) {
  const byId = (list) => new Map((list ?? []).map((endpoint) => [endpoint.id, endpoint]));
  const [old, now] = [byId(before), byId(after)];
  const parts = [];
  for (const [id, endpoint] of now) {
    if (!old.has(id)) parts.push(t("activity.endpointAdded", { id }));
    else if (JSON.stringify(old.get(id)) !== JSON.stringify(endpoint)) parts.push(`${id} (${changes(old.get(id), endpoint)})`);
  }
  for (const id of old.keys()) if (!now.has(id)) parts.push(t("activity.endpointRemoved", { id }));
  return parts.join(", ");
}

const isEmptyValue = (value) => value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
const shortId = (id) => String(id).slice(0, 8);

function fieldLabel(key) {
  return hasText(state.lang, `activity.field.${key}`) ? t(`activity.field.${key}`) : key;
}

// Values the page has words for: states, frequencies, languages, webhook events and formats, instants.
const VALUE_WORDS = {
  state: (v) => `state.${v}`,
  frequency: (v) => `settings.${v}`,
  language: (v) => `language.${v}`,
  events: (v) => `webhooks.event.${v}`,
  format: (v) => `webhooks.format.${v}`,
};
const INSTANTS = new Set(["until", "from", "to", "expiresAt"]);

function valueText(key, value) {
  if (isEmptyValue(value)) return t("activity.notSet");
  if (Array.isArray(value)) return value.map((item) => valueText(key, item)).join(", ");
  if (typeof value === "boolean") return t(value ? "activity.yes" : "activity.no");
  if (typeof value === "number") return formatNumber(value);
  const words = VALUE_WORDS[key]?.(value);
  if (words && hasText(state.lang, words)) return t(words);
  if (INSTANTS.has(key) && !Number.isNaN(Date.parse(value))) return formatDate(value);
  return String(value);
}

async function exportActivity() {
  try {
    const file = `${t("file.activity")}_${safeFileName(state.tenant)}_${fileTime(new Date())}.csv`;
    await download(tenantPath("/audit/export.csv"), file);
    notify(t("details.exported", { file }));
  } catch (error) {
    showProblem(error);
  }
}

// ---- Notification settings ----------------------------------------------------------------------------------------

const webhooks = webhookSettings({ $, t, getJson, tenantPath, formatDate, cell, fillRows, onSaved: () => loadActivity(false) });

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
  $("settings-test-result").hidden = true;
  $("settings").showModal();
  webhooks.open();
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
    loadActivity(false);
  } catch (error) {
    if (error.status === 400) showFieldErrors(form, error.problem);
    else if (error.status !== 401) showFieldErrors(form, { detail: error.message });
  }
}

/** Sends a digest with the saved settings now and says what happened, next to the button. */
async function sendTestDigest() {
  const result = $("settings-test-result");
  result.hidden = true;
  $("settings-test").disabled = true;
  try {
    const sent = await getJson(tenantPath("/notifications/test"), { method: "POST" });
    showTestResult(t("settings.testSent", {
      recipients: sent.recipients.join(", "), from: formatDate(sent.periodStart), to: formatDate(sent.periodEnd),
    }), false);
  } catch (error) {
    if (error.status === 401) return;
    showTestResult(testFailure(error), true);
  } finally {
    $("settings-test").disabled = false;
  }
}

function testFailure(error) {
  if (error.status === 429) return t("settings.testRetry", { seconds: error.retryAfter ?? 60 });
  const problem = error.problem ?? {};
  const details = Object.values(problem.errors ?? {}).flat();
  const reason = [problem.title, problem.detail, ...details].filter(Boolean).join(" ");
  return t("settings.testFailed", { reason: reason || error.message });
}

function showTestResult(message, failed) {
  const result = $("settings-test-result");
  result.textContent = message;
  result.classList.toggle("failed", failed);
  result.hidden = false;
}

// ---- Language -----------------------------------------------------------------------------------------------------

function setLanguage(lang) {
  state.lang = languages.includes(lang) ? lang : "en";
  sessionStorage.setItem(storageKeys.lang, state.lang);
  $("language").value = state.lang;
  applyTranslations(document, state.lang);
  fillObjectTypeFilter();
  webhooks.relabel();
  for (const id of ["notice", "allocation-status", "details-notice", "settings-test-result"]) $(id).hidden = true;
  if ($("dashboard").hidden) return;
  $("current-tenant").textContent = `${t("header.tenant")}: ${state.tenant}`;
  renderResyncStatus();
  // The open card, its filters, and the error in the side panel stay as they were, in the new language.
  refresh().then(() => {
    const card = state.card?.fingerprint ? state.card
      : state.card && state.health?.errorCards.find((c) => c.errorType === state.card.errorType);
    if (card) showCard(card);
    if (state.panelErrorId) openErrorPanel(state.panelErrorId);
  });
}

// ---- Start --------------------------------------------------------------------------------------------------------

function wire() {
  document.getElementById("login-form").addEventListener("submit", signIn);
  document.getElementById("allocation-form").addEventListener("submit", saveAllocation);
  $("allocation-input").addEventListener("input", allocationTyped);
  $("allocation-confirm").addEventListener("click", () => putAllocation(state.allocationToConfirm));
  $("allocation-clear").addEventListener("click", () => putAllocation(null));
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
  $("resync-all").addEventListener("click", resyncAll);
  $("ignore").addEventListener("click", openIgnoreDialog);
  $("restore").addEventListener("click", restoreSelected);
  $("ignore-cancel").addEventListener("click", () => $("ignore-dialog").close());
  document.getElementById("ignore-form").addEventListener("submit", saveIgnore);
  $("create-view").addEventListener("click", createView);
  $("export-csv").addEventListener("click", exportCsv);
  $("filter-reset").addEventListener("click", () => { resetFilters(); loadErrors(false); });
  $("error-panel-close").addEventListener("click", closeErrorPanel);
  $("settings-test").addEventListener("click", sendTestDigest);
  webhooks.wire();
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("error-panel").hidden && !$("settings").open) closeErrorPanel(); });
  $("more").addEventListener("click", () => loadErrors(true));
  $("resyncs-more").addEventListener("click", () => loadResyncs(true));
  $("activity-more").addEventListener("click", () => loadActivity(true));
  $("activity-export").addEventListener("click", exportActivity);
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
