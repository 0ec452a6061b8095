package protocol

import _ "embed"

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 description of every call, as the platform
// serves it at PathOpenAPI. The slice is shared: do not change it.
func OpenAPI() []byte { return openAPI }
