import DeskDomain
import DeskIntake
import Foundation

/// The API partners build their own forms on, as an OpenAPI 3.1 document served at `/openapi.json`. Built from the
/// parsers' own field lists and the server's limits, so it cannot drift from what the server accepts.
enum OpenAPIDocument {
    static func json(_ settings: ReceptionSettings) -> Data {
        (try? JSONSerialization.data(withJSONObject: document(settings), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    static func document(_ settings: ReceptionSettings) -> [String: Any] {
        func string(_ description: String, maxLength: Int? = nil, format: String? = nil) -> [String: Any] {
            var s: [String: Any] = ["type": "string", "description": description]
            if let maxLength { s["maxLength"] = maxLength }
            if let format { s["format"] = format }
            return s
        }
        let fieldDescriptions: [String: [String: Any]] = [
            "form": ["type": "string", "const": WebFormSubmission.formID],
            "organization": string("The organization's id; must be the one in the address."),
            "branch": string("One of the organization's branches.", maxLength: IntakeLimits.place),
            "store": string("One of the branch's stores.", maxLength: IntakeLimits.place),
            "occurredAt": string("When it happened, ISO 8601 with an offset.", format: "date-time"),
            "complaint": string("What happened, in the applicant's words.", maxLength: IntakeLimits.complaint),
            "requests": string("What the applicant asks for.", maxLength: IntakeLimits.requests),
            "feedbackWanted": ["type": "boolean", "description": "The applicant would like to hear the result."],
            "language": ["type": "string", "enum": Language.allCases.map(\.rawValue)],
            "applicant": [
                "type": "object", "additionalProperties": false, "required": ["anonymous"],
                "properties": Dictionary(uniqueKeysWithValues: WebFormParser.applicantFields.map { f -> (String, Any) in
                    switch f {
                    case "anonymous": (f, ["type": "boolean"])
                    case "name": (f, string("Absent when anonymous.", maxLength: IntakeLimits.name))
                    case "phone": (f, string("A phone number.", maxLength: IntakeLimits.phone))
                    default: (f, string("An e-mail address.", maxLength: IntakeLimits.email, format: "email"))
                    }
                }),
            ],
            "staff": [
                "type": "array", "maxItems": IntakeLimits.staffEntries,
                "items": [
                    "type": "object", "additionalProperties": false, "required": ["name"],
                    "properties": Dictionary(uniqueKeysWithValues: WebFormParser.staffFields.map { f -> (String, Any) in
                        f == "name" ? (f, string("The staff member's name.", maxLength: IntakeLimits.name))
                                    : (f, string("What they looked like.", maxLength: IntakeLimits.characteristics))
                    }),
                ],
            ],
        ]
        let webForm: [String: Any] = [
            "type": "object", "additionalProperties": false,
            "required": ["form", "organization", "applicant", "complaint"],
            "properties": Dictionary(uniqueKeysWithValues: WebFormParser.topFields.map { ($0, fieldDescriptions[$0] ?? [:]) }),
        ]
        // Multipart: the same fields named by their JSON paths, files as `attachments`.
        let formFields = FormFields.known.subtracting(["token", "website"]).sorted()
        let multipart: [String: Any] = [
            "type": "object",
            "required": ["complaint"],
            "properties": Dictionary(uniqueKeysWithValues: formFields.map { ($0, ["type": "string"] as [String: Any]) } + [
                ("attachments", [
                    "type": "array", "maxItems": settings.maxFiles,
                    "description": "Images (JPEG, PNG, GIF, WebP, HEIC), audio (MP3, M4A, WAV, Ogg) or PDF, known by their bytes; "
                        + "at most \(settings.maxFileBytes) bytes each and \(settings.maxUpload) bytes in all.",
                    "items": ["type": "string", "contentMediaType": "application/octet-stream"],
                ] as [String: Any]),
            ]),
        ]
        let followUpJSON: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["receipt"],
            "properties": [
                "receipt": string("The receipt number, 16 digits; spaces, hyphens and full-width digits are accepted.", maxLength: 40),
                "text": string("What to add.", maxLength: IntakeLimits.complaint),
            ],
        ]
        let errors: [String: Any] = [
            "description": "Every problem at once, in the request's language (Accept-Language: ja or en).",
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Errors"]]],
        ]
        func refusals(_ extra: [String: Any] = [:]) -> [String: Any] {
            [
                "400": errors,
                "404": ["description": "No such organization."],
                "408": ["description": "The body did not arrive in time."],
                "413": ["description": "Over a size limit (answered before the body is read past it).",
                        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Errors"]]]],
                "415": ["description": "Not JSON, a form, or multipart/form-data."],
                "429": ["description": "Too many submissions from one client; see Retry-After.",
                        "headers": ["Retry-After": ["schema": ["type": "integer"]]]],
            ].merging(extra) { $1 }
        }
        let orgParameter: [String: Any] = ["name": "org", "in": "path", "required": true, "schema": ["type": "string"],
                                           "description": "The organization's id, as on its form's address."]
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Madoguchi web reception",
                "version": "1",
                "description": "Submissions to a customer-harassment consultation desk. The public gets a receipt number, "
                    + "never a case id or any status.",
            ],
            "paths": [
                "/{org}/submissions": [
                    "post": [
                        "summary": "Submit a complaint (web-form JSON v1, or its fields and files as multipart/form-data).",
                        "parameters": [orgParameter],
                        "requestBody": ["required": true, "content": [
                            "application/json": ["schema": ["$ref": "#/components/schemas/WebForm"]],
                            "multipart/form-data": ["schema": ["$ref": "#/components/schemas/WebFormMultipart"]],
                        ]],
                        "responses": refusals([
                            "201": ["description": "Received.", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Receipt"]]]],
                            "200": ["description": "The same bytes were received before; nothing was added.",
                                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Duplicate"]]]],
                        ]),
                    ],
                ],
                "/{org}/follow-up": [
                    "post": [
                        "summary": "Add text or files to the matter of a receipt.",
                        "parameters": [orgParameter],
                        "requestBody": ["required": true, "content": [
                            "application/json": ["schema": ["$ref": "#/components/schemas/FollowUp"]],
                            "multipart/form-data": ["schema": [
                                "type": "object", "required": ["receipt"],
                                "properties": ["receipt": ["type": "string"], "text": ["type": "string"],
                                               "attachments": (multipart["properties"] as? [String: Any])?["attachments"] ?? [:]],
                            ]],
                        ]],
                        "responses": refusals([
                            "201": ["description": "Added.", "content": ["application/json": ["schema": [
                                "type": "object", "properties": ["added": ["type": "boolean", "const": true]]]]]],
                        ]),
                    ],
                ],
            ],
            "components": [
                "schemas": [
                    "WebForm": webForm,
                    "WebFormMultipart": multipart,
                    "FollowUp": followUpJSON,
                    "Receipt": ["type": "object", "required": ["receipt", "case"], "properties": [
                        "receipt": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}$"],
                        "case": ["type": "null", "description": "Never given to the public."],
                    ]],
                    "Duplicate": ["type": "object", "properties": [
                        "receipt": ["type": "null"], "case": ["type": "null"], "duplicate": ["type": "boolean", "const": true],
                    ]],
                    "Errors": ["type": "object", "required": ["errors"], "properties": ["errors": [
                        "type": "array",
                        "items": ["type": "object", "required": ["field", "message"], "properties": [
                            "field": ["type": ["string", "null"], "description": "The field's JSON path, or null for the whole request."],
                            "message": ["type": "string"],
                        ]],
                    ]]],
                ],
            ],
        ]
    }
}
