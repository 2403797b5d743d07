// The Webhooks part of the settings dialog: the tenant's endpoints (edited here, saved as a whole), a test delivery
// per saved endpoint, and the latest deliveries. The page's helpers come in through `page`, so this file keeps no
// copy of the HTTP, translation or formatting code.
const EVENTS = ["error.new", "error.reopened", "error.surfaced", "error.resolved", "digest", "resync.completed"];
const DELIVERY_POLLS = 5;
const DELIVERY_POLL_MS = 2_000;

/** page: { $, t, getJson, tenantPath, formatDate, cell, onSaved }. */
export function webhookSettings(page) {
  const { $, t, getJson, tenantPath, formatDate, cell, onSaved } = page;
  // endpoints: what the list shows (saved or edited); saved: the ids the API has, which alone can be tested.
  const local = { endpoints: [], saved: new Set(), editing: null, poll: null, deliveries: [] };

  function status(message, failed = false) {
    const line = $("webhooks-status");
    line.textContent = message;
    line.classList.toggle("failed", failed);
    line.hidden = !message;
  }

  function problemText(error) {
    const problem = error.problem ?? {};
    const messages = Object.entries(problem.errors ?? {}).map(([field, texts]) => `${fieldName(field)}: ${[].concat(texts).join(" ")}`);
    return [problem.title, problem.detail, ...messages].filter(Boolean).join(" ") || error.message;
  }

  // "endpoints[1].url" -> "ops-alerts · url": the endpoint's id where the API names it by position.
  function fieldName(field) {
    const match = /^endpoints\[(\d+)\]\.?(.*)$/.exec(field);
    if (!match) return field;
    const id = local.endpoints[Number(match[1])]?.id ?? `#${Number(match[1]) + 1}`;
    return match[2] ? `${id} · ${match[2]}` : id;
  }

  function showError(message) {
    const box = $("webhooks-error");
    box.textContent = message ?? "";
    box.hidden = !message;
  }

  async function open() {
    closeEditor();
    showError(null);
    status("");
    try {
      const answer = await getJson(tenantPath("/webhooks"));
      accept(answer.endpoints);
    } catch (error) {
      if (error.status !== 401) showError(problemText(error));
    }
    loadDeliveries();
  }

  function accept(endpoints) {
    local.endpoints = endpoints.map((e) => ({ ...e }));
    local.saved = new Set(endpoints.map((e) => e.id));
    render();
  }

  function render() {
    const list = $("webhooks-list");
    list.replaceChildren(...local.endpoints.map(item));
    $("webhooks-none").hidden = local.endpoints.length > 0;
  }

  function item(endpoint, index) {
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
    secret.textContent = endpoint.secret ? t("webhooks.secretNew") : endpoint.hasSecret ? t("webhooks.secretSet") : "";
    const actions = document.createElement("div");
    actions.className = "webhook-actions";
    actions.append(
      button("webhooks.edit", "webhook-edit", () => openEditor(index)),
      button("webhooks.remove", "webhook-remove", () => remove(index)),
      button("webhooks.test", "webhook-test", () => sendTest(endpoint.id), !local.saved.has(endpoint.id)));
    li.append(head, url, events, secret, actions);
    return li;
  }

  function button(textKey, testId, onClick, disabled = false) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.dataset.testid = testId;
    b.textContent = t(textKey);
    b.disabled = disabled;
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
      text.textContent = eventName(id);
      label.append(box, text);
      fieldset.append(label);
    }
  }

  function openEditor(index) {
    const form = document.getElementById("webhook-form");
    const endpoint = index === null ? null : local.endpoints[index];
    local.editing = index;
    form.elements.id.value = endpoint?.id ?? "";
    // A saved endpoint keeps its id: a new id is a new endpoint, which needs a secret of its own.
    form.elements.id.readOnly = endpoint !== null && local.saved.has(endpoint.id);
    form.elements.url.value = endpoint?.url ?? "https://";
    form.elements.secret.value = "";
    form.elements.format.value = endpoint?.format ?? "json";
    form.elements.enabled.checked = endpoint?.enabled ?? true;
    eventBoxes(endpoint?.events ?? ["error.new", "digest"]);
    const keeps = endpoint !== null && (endpoint.hasSecret || endpoint.secret);
    $("webhook-secret-hint").textContent = t(keeps ? "webhooks.secretKeep" : "webhooks.secretNeeded");
    $("webhook-form-title").textContent = t(endpoint ? "webhooks.editTitle" : "webhooks.addTitle");
    $("webhook-form-error").hidden = true;
    form.hidden = false;
    $("webhook-add").hidden = true;
    (form.elements.id.readOnly ? form.elements.url : form.elements.id).focus();
  }

  function closeEditor() {
    document.getElementById("webhook-form").hidden = true;
    $("webhook-add").hidden = false;
    local.editing = null;
  }

  function applyEdit(event) {
    event.preventDefault();
    const form = event.target;
    const before = local.editing === null ? null : local.endpoints[local.editing];
    const endpoint = {
      id: form.elements.id.value.trim(),
      url: form.elements.url.value.trim(),
      format: form.elements.format.value,
      events: [...form.querySelectorAll('input[name="events"]:checked')].map((b) => b.value),
      enabled: form.elements.enabled.checked,
      hasSecret: before?.hasSecret ?? false,
      secret: form.elements.secret.value || before?.secret || undefined,
    };
    const clash = local.endpoints.some((e, i) => e.id === endpoint.id && i !== local.editing);
    const problem = !endpoint.id ? t("webhooks.idMissing") : clash ? t("webhooks.idTaken", { id: endpoint.id })
      : endpoint.events.length === 0 ? t("webhooks.eventsMissing") : null;
    if (problem) {
      $("webhook-form-error").textContent = problem;
      $("webhook-form-error").hidden = false;
      return;
    }
    if (local.editing === null) local.endpoints.push(endpoint);
    else local.endpoints[local.editing] = endpoint;
    closeEditor();
    render();
    status(t("webhooks.unsaved"));
  }

  function remove(index) {
    local.endpoints.splice(index, 1);
    closeEditor();
    render();
    status(t("webhooks.unsaved"));
  }

  async function save() {
    showError(null);
    status("");
    const body = {
      endpoints: local.endpoints.map((e) => {
        const wire = { id: e.id, url: e.url, format: e.format, events: e.events, enabled: e.enabled };
        if (e.secret) wire.secret = e.secret;
        return wire;
      }),
    };
    $("webhooks-save").disabled = true;
    try {
      const answer = await getJson(tenantPath("/webhooks"), { method: "PUT", body });
      accept(answer.endpoints);
      status(t("webhooks.saved"));
      onSaved();
    } catch (error) {
      if (error.status !== 401) showError(problemText(error));
    } finally {
      $("webhooks-save").disabled = false;
    }
  }

  async function sendTest(id) {
    status("");
    showError(null);
    try {
      const sent = await getJson(tenantPath(`/webhooks/${encodeURIComponent(id)}/test`), { method: "POST" });
      status(t("webhooks.testSent", { id, delivery: sent.deliveryId }));
      pollDeliveries(sent.deliveryId);
    } catch (error) {
      if (error.status === 429) status(t("settings.testRetry", { seconds: error.retryAfter ?? 60 }), true);
      else if (error.status !== 401) status(t("webhooks.testFailed", { reason: problemText(error) }), true);
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
      if (error.status !== 401) showError(problemText(error));
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
    $("deliveries-rows").replaceChildren(...rows);
    $("deliveries-none").hidden = deliveries.length > 0;
  }

  function wire() {
    $("webhook-add").addEventListener("click", () => openEditor(null));
    $("webhook-cancel").addEventListener("click", closeEditor);
    document.getElementById("webhook-form").addEventListener("submit", applyEdit);
    $("webhooks-save").addEventListener("click", save);
    $("deliveries-refresh").addEventListener("click", loadDeliveries);
  }

  /** Writes the lists again in the page's new language, keeping edits that were not saved yet. */
  function relabel() {
    render();
    renderDeliveries(local.deliveries);
  }

  return { open, wire, relabel };
}
