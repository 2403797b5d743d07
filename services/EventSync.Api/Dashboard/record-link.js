// A record id as a link to the record (in a new tab) where the tenant's link settings give one; else the id as text.
export function recordLink(id, href) {
  if (!id || !href) return id;
  const link = document.createElement("a");
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.textContent = id;
  return link;
}
