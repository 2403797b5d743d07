// The Webhooks part of the settings dialog: the tenant's endpoints, a test delivery per endpoint, and the latest
// deliveries. Every change takes effect at once: the editor's Save and each Remove send the whole list to the API, so
// what the list shows is always what is saved. The page's helpers come in through `page`, so this file keeps no copy of
// the HTTP, translation or formatting code.
const EVENTS = ["error.new", "error.reopened", "error.surfaced", "error.resolved", "digest", "resync.completed"];
const FIELDS = ["id", "url", "secret", "format", "events"];
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const MAX_ID = 64;
const MIN_SECRET = 16;
const MAX_SECRET = 256;
const DELIVERY_POLLS = 5;
const DELIVERY_POLL_MS = 2_000;

/** page: { $, t, getJson, tenantPath, formatDate, cell, fillRows, onSaved }. */
export function webhookSettings(page) {
  const { $, t, getJson, tenantPath, formatDate, cell, fillRows, onSaved } = page;
  // endpoints: as the API last answered (no secrets). editing: null, or { id } of the endpoint in the editor (id null
  // for a new one). Messages are kept as keys where the page wrote them, so a language switch can write them again.
  const local = { endpoints: [], editing: null, busy: false, poll: null, deliveries: [], status: null, fieldErrors: {} };

  const form = () => document.getElementById("webhook-form");

  // ---- Messages ---------------------------------------------------------------------------------------------------

  /** message: { key, vars } (the page's words) or { text } (the API's); tone: "ok", "info" or "failed". */
  function status(message, tone = "ok") {
    local.status = message ? { message, tone } : null;
    writeStatus();
  }

  function writeStatus() {
    const line = $("webhooks-status");
    const shown = local.status;
    line.textContent = shown ? words(shown.message) : "";
    line.classList.toggle("failed", shown?.tone === "failed");
    line.classList.toggle("info", shown?.tone === "info");
    line.hidden = !shown;
  }

  const words = (message) => message.text ?? t(message.key, message.vars);

  function showError(message) {
    const box = $("webhooks-error");
    box.textContent = message ?? "";
    box.hidden = !message;
  }

  /** problems: { field: [message, ...] } with field one of FIELDS or "" (the form's own line). */
  function showFieldErrors(problems) {
    local.fieldErrors = problems;
    writeFieldErrors();
  }

  function writeFieldErrors() {
    const editor = form();
    for (const box of editor.querySelectorAll(".field-error[data-field]")) {
      const messages = local.fieldErrors[box.dataset.field] ?? [];
      box.textContent = messages.map(words).join(" ");
      box.hidden = messages.length === 0;
    }
    for (const name of FIELDS) {
      const field = name === "events" ? $("webhook-events") : editor.elements[name];
      if (local.fieldErrors[name]?.length) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }

  function firstProblemField() {
    const name = FIELDS.find((f) => local.fieldErrors[f]?.length);
    if (!name) return null;
    return name === "events" ? $("webhook-events").querySelector("input") : form().elements[name];
  }

  const problemOf = (error) => error.problem ?? {};
  const generalText = (error) => {
    const problem = problemOf(error);
    return [problem.title, problem.detail].filter(Boolean).join(" ") || error.message;
  };

  /**
   * Splits a refusal of the list `sent` (the body's endpoints, in order): the edited endpoint's problems go next to its
   * fields, the others' to the section's line with the endpoint's id, never the API's field key.
   */
  function sortProblems(error, sent, editedIndex) {
    const mine = {};
    const others = [];
    const add = (field, text) => (mine[field] ??= []).push({ text });
    for (const [key, texts] of Object.entries(problemOf(error).errors ?? {})) {
      for (const text of [].concat(texts)) {
        const match = /^endpoints\[(\d+)\]\.?(.*)$/.exec(key);
        const index = match ? Number(match[1]) : null;
        if (match && index === editedIndex) add(FIELDS.includes(match[2]) ? match[2] : "", text);
        else if (match) others.push(t("webhooks.otherProblem", { id: sent[index]?.id ?? `#${index + 1}`, message: text }));
        else if (editedIndex !== null) add("", text);
        else others.push(text);
      }
    }
    return { mine, others };
  }

  // ---- Saving -----------------------------------------------------------------------------------------------------

  const wire = (e) => {
    const body = { id: e.id, url: e.url, format: e.format, events: e.events, enabled: e.enabled };
    if (e.secret) body.secret = e.secret;
    return body;
  };

  /** Sends the whole list; the answer (or the refusal) comes back to the caller. */
  async function put(endpoints) {
    local.busy = true;
    setBusy(true);
    try {
      const answer = await getJson(tenantPath("/webhooks"), { method: "PUT", body: { endpoints: endpoints.map(wire) } });
      accept(answer.endpoints);
      onSaved();
      return answer;
    } finally {
      local.busy = false;
      setBusy(false);
    }
  }

  function setBusy(busy) {
    $("webhook-save").disabled = busy;
    for (const b of $("webhooks-list").querySelectorAll("button")) b.disabled = busy;
  }

  async function open() {
    closeEditor();
    showError(null);
    status(null);
    try {
      const answer = await getJson(tenantPath("/webhooks"));
      accept(answer.endpoints);
    } catch (error) {
      if (error.status !== 401) showError(generalText(error));
    }
    loadDeliveries();
  }

  function accept(endpoints) {
    local.endpoints = endpoints.map((e) => ({ ...e }));
    render();
  }

  // ---- The list ---------------------------------------------------------------------------------------------------

  function render() {
    $("webhooks-list").replaceChildren(...local.endpoints.map(item));
    $("webhooks-none").hidden = local.endpoints.length > 0;
  }

  function item(endpoint) {
    const li = document.createElement("li");
    li.className = "webhook";
    li.dataset.testid = "webhook-item";
    const head = document.createElement("div");
    head.className = "webhook-head";
    const id = document.createElement("strong");
    id.textContent = endpoint.id;
    const badge = document.createElement("span");
    badge.className = endpoint.enabled ? "badge on" : "badge off";
    badge.textContent = t(endpoint.enabled ? "webhooks.on" : "webhooks.off");
    const format = document.createElement("span");
    format.className = "muted small";
    format.textContent = t(`webhooks.format.${endpoint.format}`);
    head.append(id, badge, format);
    const url = document.createElement("div");
    url.className = "webhook-url mono small";
    url.dataset.testid = "webhook-item-url";
    url.textContent = endpoint.url;
    const events = document.createElement("div");
    events.className = "muted small";
    events.textContent = endpoint.events.map(eventName).join(", ");
    const secret = document.createElement("div");
    secret.className = "muted small";
    secret.dataset.testid = "webhook-item-secret";
    secret.textContent = endpoint.hasSecret ? t("webhooks.secretSet") : "";
    const actions = document.createElement("div");
    actions.className = "webhook-actions";
    actions.append(
      button("webhooks.edit", "webhook-edit", () => openEditor(endpoint.id)),
      button("webhooks.remove", "webhook-remove", () => remove(endpoint.id)),
      button("webhooks.test", "webhook-test", () => sendTest(endpoint.id)));
    li.append(head, url, events, secret, actions);
    return li;
  }

  function button(textKey, testId, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.dataset.testid = testId;
    b.textContent = t(textKey);
    b.disabled = local.busy;
    b.addEventListener("click", onClick);
    return b;
  }

  function eventName(id) {
    return known(`webhooks.event.${id}`, id);
  }

  // A value this page has no text for (an event or outcome added later) shows as the API wrote it.
  function known(key, value) {
    const text = t(key);
    return text === key ? value : text;
  }

  async function remove(id) {
    if (local.busy || !window.confirm(t("webhooks.removeConfirm", { id }))) return;
    showError(null);
    status(null);
    try {
      await put(local.endpoints.filter((e) => e.id !== id));
      if (local.editing?.id === id) closeEditor();
      status({ key: "webhooks.removed", vars: { id } });
    } catch (error) {
      if (error.status === 401) return;
      const { mine, others } = sortProblems(error, local.endpoints.filter((e) => e.id !== id), null);
      showError([generalText(error), ...Object.values(mine).flat().map(words), ...others].join(" "));
    }
  }

  // ---- The editor -------------------------------------------------------------------------------------------------

  function eventBoxes(selected) {
    const fieldset = $("webhook-events");
    for (const label of fieldset.querySelectorAll("label")) label.remove();
    for (const id of EVENTS) {
      const label = document.createElement("label");
      label.className = "check";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = "events";
      box.value = id;
      box.checked = selected.includes(id);
      box.dataset.testid = `webhook-event-${id}`;
      const text = document.createElement("span");
      text.dataset.event = id;
      text.textContent = eventName(id);
      label.append(box, text);
      fieldset.append(label);
    }
  }

  const saved = (id) => local.endpoints.find((e) => e.id === id) ?? null;

  function openEditor(id) {
    const editor = form();
    const endpoint = id === null ? null : saved(id);
    local.editing = { id: endpoint?.id ?? null };
    // A saved endpoint keeps its id: a new id is a new endpoint, which needs a secret of its own.
    editor.elements.id.value = endpoint?.id ?? "";
    editor.elements.id.readOnly = endpoint !== null;
    editor.elements.url.value = endpoint?.url ?? "https://";
    editor.elements.secret.value = "";
    editor.elements.secret.required = !endpoint?.hasSecret;
    editor.elements.format.value = endpoint?.format ?? "json";
    editor.elements.enabled.checked = endpoint?.enabled ?? true;
    eventBoxes(endpoint?.events ?? ["error.new", "digest"]);
    writeEditorTexts();
    showFieldErrors({});
    editor.hidden = false;
    $("webhook-add").hidden = true;
    (endpoint ? editor.elements.url : editor.elements.id).focus();
  }

  function writeEditorTexts() {
    const endpoint = local.editing?.id ? saved(local.editing.id) : null;
    $("webhook-secret-hint").textContent = t(endpoint?.hasSecret ? "webhooks.secretKeep" : "webhooks.secretNeeded");
    $("webhook-form-title").textContent = t(endpoint ? "webhooks.editTitle" : "webhooks.addTitle");
    for (const text of $("webhook-events").querySelectorAll("span[data-event]")) text.textContent = eventName(text.dataset.event);
  }

  function closeEditor() {
    const editor = form();
    editor.hidden = true;
    editor.elements.secret.value = "";
    $("webhook-add").hidden = false;
    local.editing = null;
    showFieldErrors({});
  }

  function readEditor() {
    const editor = form();
    return {
      id: editor.elements.id.value.trim(),
      url: editor.elements.url.value.trim(),
      format: editor.elements.format.value,
      events: [...editor.querySelectorAll('input[name="events"]:checked')].map((b) => b.value),
      enabled: editor.elements.enabled.checked,
      secret: editor.elements.secret.value || undefined,
    };
  }

  /** The mistakes the API would refuse for sure, found before sending (the API still checks everything). */
  function checkInPage(endpoint) {
    const problems = {};
    const add = (field, key, vars) => (problems[field] ??= []).push({ key, vars });
    const before = local.editing.id === null ? null : saved(local.editing.id);
    if (!endpoint.id) add("id", "webhooks.idMissing");
    else if (!ID_PATTERN.test(endpoint.id) || endpoint.id.length > MAX_ID) add("id", "webhooks.idInvalid");
    else if (before === null && saved(endpoint.id)) add("id", "webhooks.idTaken", { id: endpoint.id });
    if (!isAddress(endpoint.url)) add("url", "webhooks.urlInvalid");
    if (!endpoint.secret && !before?.hasSecret) add("secret", "webhooks.secretMissing");
    else if (endpoint.secret && (endpoint.secret.length < MIN_SECRET || endpoint.secret.length > MAX_SECRET)) {
      add("secret", "webhooks.secretLength", { count: endpoint.secret.length });
    }
    if (endpoint.events.length === 0) add("events", "webhooks.eventsMissing");
    return problems;
  }

  function isAddress(text) {
    try {
      const url = new URL(text);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }

  async function save(event) {
    event.preventDefault();
    if (local.busy || !local.editing) return;
    showError(null);
    status(null);
    const endpoint = readEditor();
    const problems = checkInPage(endpoint);
    if (Object.keys(problems).length) {
      showFieldErrors(problems);
      firstProblemField()?.focus();
      return;
    }
    showFieldErrors({});
    const editing = local.editing.id;
    const sent = editing === null
      ? [...local.endpoints, endpoint]
      : local.endpoints.map((e) => (e.id === editing ? endpoint : e));
    const editedIndex = editing === null ? sent.length - 1 : sent.indexOf(endpoint);
    try {
      await put(sent);
      closeEditor();
      status({ key: "webhooks.saved", vars: { id: endpoint.id } });
    } catch (error) {
      if (error.status === 401) return;
      // The editor stays open with what was typed; each problem shows next to its field.
      const { mine, others } = sortProblems(error, sent, editedIndex);
      const general = generalText(error);
      (mine[""] ??= []).unshift({ text: general });
      showFieldErrors(mine);
      if (others.length) showError(others.join(" "));
      firstProblemField()?.focus();
    }
  }

  // ---- Test deliveries --------------------------------------------------------------------------------------------

  async function sendTest(id) {
    status(null);
    showError(null);
    try {
      const sent = await getJson(tenantPath(`/webhooks/${encodeURIComponent(id)}/test`), { method: "POST" });
      // Queued, not delivered: the worker's attempt shows under Recent deliveries, good or bad.
      status({ key: "webhooks.testQueued", vars: { id } }, "info");
      pollDeliveries(sent.deliveryId);
    } catch (error) {
      if (error.status === 429) status({ key: "settings.testRetry", vars: { seconds: error.retryAfter ?? 60 } }, "failed");
      else if (error.status !== 401) status({ key: "webhooks.testFailed", vars: { reason: generalText(error) } }, "failed");
    }
  }

  // The delivery is recorded once the worker tried it: read the list again a few times until it shows.
  function pollDeliveries(deliveryId, left = DELIVERY_POLLS) {
    clearTimeout(local.poll);
    local.poll = setTimeout(async () => {
      const deliveries = await loadDeliveries();
      if (left > 1 && !deliveries.some((d) => d.deliveryId === deliveryId)) pollDeliveries(deliveryId, left - 1);
    }, DELIVERY_POLL_MS);
  }

  async function loadDeliveries() {
    try {
      const answer = await getJson(tenantPath("/webhooks/deliveries?limit=20"));
      renderDeliveries(answer.deliveries);
      return answer.deliveries;
    } catch (error) {
      if (error.status !== 401) showError(generalText(error));
      return [];
    }
  }

  function renderDeliveries(deliveries) {
    local.deliveries = deliveries;
    const rows = deliveries.map((d) => {
      const tr = document.createElement("tr");
      tr.dataset.testid = "delivery-row";
      const outcome = cell(known(`webhooks.outcome.${d.outcome}`, d.outcome), `outcome outcome-${d.outcome}`);
      if (d.detail) {
        // Why, in the receiver's or the network's words: what an operator needs to fix the endpoint.
        const why = document.createElement("div");
        why.className = "muted small";
        why.dataset.testid = "delivery-detail";
        why.textContent = d.detail;
        outcome.append(why);
      }
      tr.append(cell(formatDate(d.at)), cell(d.endpointId, "mono"), cell(eventName(d.event)), outcome, cell(d.statusCode, "num"));
      return tr;
    });
    fillRows($("deliveries-rows"), rows);
    $("deliveries-none").hidden = deliveries.length > 0;
  }

  function wireUp() {
    $("webhook-add").addEventListener("click", () => openEditor(null));
    $("webhook-cancel").addEventListener("click", closeEditor);
    form().addEventListener("submit", save);
    $("deliveries-refresh").addEventListener("click", loadDeliveries);
  }

  /** Writes the list, the open editor and the page's own messages again in the page's new language. */
  function relabel() {
    render();
    renderDeliveries(local.deliveries);
    if (local.editing) writeEditorTexts();
    writeFieldErrors();
    writeStatus();
  }

  return { open, wire: wireUp, relabel };
}
