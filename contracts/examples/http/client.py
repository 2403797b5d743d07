"""An engine without AMQP reporting to EventSync over HTTP, using only what the OpenAPI document says.

It reads GET /openapi/v1.json and finds each operation by its operationId (IngestFailures, GetSyncHealth) and the API key
header by the ApiKey security scheme, so it follows the document rather than hard-coded routes.

    python3 client.py BASE_URL API_KEY report-failure TENANT_ID HUBSPOT_ID   # prints the 202 body
    python3 client.py BASE_URL API_KEY sync-health TENANT_ID                 # prints the tenant's sync health

Standard library only. Exit code 1 with the problem details when EventSync refuses a request.
"""
import json
import sys
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone
from urllib.parse import quote


class Api:
    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        with urllib.request.urlopen(f"{self.base_url}/openapi/v1.json", timeout=20) as response:
            self.document = json.load(response)
        scheme = self.document["components"]["securitySchemes"]["ApiKey"]
        assert scheme["type"] == "apiKey" and scheme["in"] == "header", scheme
        self.key_header = scheme["name"]

    def operation(self, operation_id):
        for path, item in self.document["paths"].items():
            for method, operation in item.items():
                if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                    return method.upper(), path
        raise KeyError(f"no operation {operation_id} in the OpenAPI document")

    def call(self, operation_id, body=None, **path_parameters):
        method, path = self.operation(operation_id)
        for name, value in path_parameters.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        request = urllib.request.Request(
            self.base_url + path, method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={self.key_header: self.api_key, "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read() or b"null")


def main(base_url, api_key, command, tenant_id, hubspot_id=None):
    api = Api(base_url, api_key)
    if command == "report-failure":
        status, body = api.call("IngestFailures", {
            "eventId": str(uuid.uuid4()),
            "tenantId": tenant_id,
            "engineId": "http-engine",
            "source": "salesforce",
            "direction": "toSalesforce",
            "objectType": "contact",
            "hubSpotId": hubspot_id,
            "errors": [{"statusCode": "INVALID_EMAIL_ADDRESS",
                        "message": "Email: invalid email address: jane.doe@@example.com", "fields": ["Email"]}],
            "occurredAt": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        })
        expected = 202
    elif command == "sync-health":
        status, body = api.call("GetSyncHealth", tenantId=tenant_id)
        expected = 200
    else:
        sys.exit(__doc__)

    print(json.dumps(body), flush=True)
    return 0 if status == expected else 1


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
