// Message keys of the village and user imports, with their Vietnamese and English text, for the
// lead to merge into the i18n catalogs. {name} marks a value from the error's `params`.

export const IMPORT_MESSAGE_KEYS = [
  "import.error.emptyFile",
  "import.error.noRows",
  "import.error.unreadableFile",
  "import.error.unsupportedFormat",
  "import.error.badEncoding",
  "import.error.malformedCsv",
  "import.error.tooManyRows",
  "import.error.missingColumn",
  "import.error.duplicateColumn",
  "import.error.emptyCommuneCode",
  "import.error.unknownCommune",
  "import.error.emptyVillageName",
  "import.error.villageNameTooLong",
  "import.error.duplicateVillage",
  "import.error.unknownType",
  "import.error.missingType",
  "import.error.badHeadName",
  "import.error.badPhone",
  "import.error.badVillageCode",
  "import.error.duplicateVillageCode",
  "import.error.emptyUsername",
  "import.error.badUsername",
  "import.error.duplicateUsername",
  "import.error.emptyFullName",
  "import.error.badFullName",
  "import.error.emptyPhone",
  "import.error.badEmail",
  "import.error.duplicateEmail",
  "import.error.emptyVillageCode",
  "import.error.unknownVillage",
  "import.error.unknownRole",
  "import.error.duplicateVillageHead",
  "import.error.usernameTaken",
] as const;

export type ImportMessageKey = (typeof IMPORT_MESSAGE_KEYS)[number];

/** Labels of the canonical columns, for showing next to an error ("Cột Mã xã"). */
export const IMPORT_FIELD_KEYS = [
  "import.field.file",
  "import.field.commune_code",
  "import.field.village_name",
  "import.field.type",
  "import.field.head_name",
  "import.field.phone",
  "import.field.village_code",
  "import.field.username",
  "import.field.full_name",
  "import.field.email",
  "import.field.role",
] as const;

export type ImportFieldKey = (typeof IMPORT_FIELD_KEYS)[number];

export const messagesVi: Readonly<Record<ImportMessageKey | ImportFieldKey, string>> = {
  "import.error.emptyFile": "Tệp trống, không có dữ liệu.",
  "import.error.noRows": "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.",
  "import.error.unreadableFile":
    "Không đọc được tệp. Hãy lưu lại dưới dạng Excel (.xlsx) hoặc CSV (UTF-8) rồi tải lên.",
  "import.error.unsupportedFormat":
    "Định dạng tệp chưa được hỗ trợ (ví dụ .xls đời cũ). Hãy lưu lại dưới dạng Excel (.xlsx) hoặc CSV (UTF-8).",
  "import.error.badEncoding":
    "Tệp CSV không dùng bảng mã UTF-8 nên tiếng Việt sẽ bị lỗi. Hãy lưu lại với tùy chọn “CSV UTF-8”.",
  "import.error.malformedCsv": "Tệp CSV bị lỗi định dạng (thiếu dấu ngoặc kép đóng) gần dòng {row}.",
  "import.error.tooManyRows": "Tệp có {count} dòng dữ liệu, vượt quá giới hạn {max} dòng mỗi lần nhập.",
  "import.error.missingColumn": "Thiếu cột “{column}”.",
  "import.error.duplicateColumn": "Cột này bị lặp lại trong dòng tiêu đề.",
  "import.error.emptyCommuneCode": "Chưa nhập mã xã.",
  "import.error.unknownCommune": "Mã xã không có trong danh mục đơn vị hành chính của tỉnh.",
  "import.error.emptyVillageName": "Chưa nhập tên thôn, bản, khu phố.",
  "import.error.villageNameTooLong": "Tên thôn quá dài (tối đa {max} ký tự).",
  "import.error.duplicateVillage": "Tên thôn bị trùng với dòng {firstRow} trong cùng xã.",
  "import.error.unknownType": "Loại không hợp lệ. Chỉ nhận: thôn, bản, khu phố (khu), tổ dân phố.",
  "import.error.missingType": "Chưa nhập loại (thôn, bản, khu phố, tổ dân phố) và không suy ra được từ tên.",
  "import.error.badHeadName": "Họ tên trưởng thôn không hợp lệ (không được chứa chữ số, tối đa {max} ký tự).",
  "import.error.badPhone":
    "Số điện thoại không hợp lệ. Cần số di động 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.",
  "import.error.badVillageCode":
    "Mã thôn chỉ gồm chữ không dấu, chữ số và các dấu - _ . (tối đa {max} ký tự).",
  "import.error.duplicateVillageCode": "Mã thôn bị trùng với dòng {firstRow}.",
  "import.error.emptyUsername": "Chưa nhập tên đăng nhập.",
  "import.error.badUsername":
    "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (từ 3 đến 64 ký tự).",
  "import.error.duplicateUsername": "Tên đăng nhập bị trùng với dòng {firstRow}.",
  "import.error.emptyFullName": "Chưa nhập họ tên.",
  "import.error.badFullName": "Họ tên không hợp lệ (không được chứa chữ số, tối đa {max} ký tự).",
  "import.error.emptyPhone": "Chưa nhập số điện thoại.",
  "import.error.badEmail": "Địa chỉ email không hợp lệ.",
  "import.error.duplicateEmail": "Email bị trùng với dòng {firstRow}.",
  "import.error.emptyVillageCode": "Chưa nhập mã thôn.",
  "import.error.unknownVillage": "Mã thôn không có trong danh sách thôn, bản, khu phố đã nhập.",
  "import.error.unknownRole": "Vai trò không hợp lệ. Chỉ nhận: {allowed}.",
  "import.error.duplicateVillageHead": "Thôn này đã có trưởng thôn ở dòng {firstRow}.",
  "import.error.usernameTaken": "Tên đăng nhập này đã có tài khoản trong hệ thống.",
  "import.field.file": "Tệp",
  "import.field.commune_code": "Mã xã",
  "import.field.village_name": "Tên thôn",
  "import.field.type": "Loại",
  "import.field.head_name": "Họ tên trưởng thôn",
  "import.field.phone": "Điện thoại",
  "import.field.village_code": "Mã thôn",
  "import.field.username": "Tên đăng nhập",
  "import.field.full_name": "Họ tên",
  "import.field.email": "Email",
  "import.field.role": "Vai trò",
};

export const messagesEn: Readonly<Record<ImportMessageKey | ImportFieldKey, string>> = {
  "import.error.emptyFile": "The file is empty.",
  "import.error.noRows": "The file has a header row but no data rows.",
  "import.error.unreadableFile":
    "The file could not be read. Save it as Excel (.xlsx) or CSV (UTF-8) and upload it again.",
  "import.error.unsupportedFormat":
    "This file format is not supported (e.g. the old .xls). Save it as Excel (.xlsx) or CSV (UTF-8).",
  "import.error.badEncoding":
    "The CSV file is not UTF-8, so Vietnamese text would be garbled. Save it with the “CSV UTF-8” option.",
  "import.error.malformedCsv": "The CSV file is malformed (an unclosed quote) near line {row}.",
  "import.error.tooManyRows": "The file has {count} data rows, more than the limit of {max} per import.",
  "import.error.missingColumn": "The column “{column}” is missing.",
  "import.error.duplicateColumn": "This column appears twice in the header row.",
  "import.error.emptyCommuneCode": "The commune code is missing.",
  "import.error.unknownCommune": "This commune code is not one of the province's administrative units.",
  "import.error.emptyVillageName": "The village name is missing.",
  "import.error.villageNameTooLong": "The village name is too long (at most {max} characters).",
  "import.error.duplicateVillage": "The same village name is on row {firstRow} for this commune.",
  "import.error.unknownType": "Unknown type. Use: thôn, bản, khu phố (khu), tổ dân phố.",
  "import.error.missingType":
    "The type (thôn, bản, khu phố, tổ dân phố) is missing and cannot be told from the name.",
  "import.error.badHeadName": "The village head's name is not valid (no digits, at most {max} characters).",
  "import.error.badPhone":
    "Not a valid phone number: a 10-digit mobile number starting 03, 05, 07, 08 or 09 is expected.",
  "import.error.badVillageCode":
    "A village code may contain only unaccented letters, digits and - _ . (at most {max} characters).",
  "import.error.duplicateVillageCode": "The same village code is on row {firstRow}.",
  "import.error.emptyUsername": "The username is missing.",
  "import.error.badUsername":
    "A username may contain only lower-case unaccented letters, digits and . _ - (3 to 64 characters).",
  "import.error.duplicateUsername": "The same username is on row {firstRow}.",
  "import.error.emptyFullName": "The full name is missing.",
  "import.error.badFullName": "The full name is not valid (no digits, at most {max} characters).",
  "import.error.emptyPhone": "The phone number is missing.",
  "import.error.badEmail": "Not a valid email address.",
  "import.error.duplicateEmail": "The same email is on row {firstRow}.",
  "import.error.emptyVillageCode": "The village code is missing.",
  "import.error.unknownVillage": "This village code is not among the imported villages.",
  "import.error.unknownRole": "Unknown role. Allowed: {allowed}.",
  "import.error.duplicateVillageHead": "This village already has a head on row {firstRow}.",
  "import.error.usernameTaken": "An account with this username already exists.",
  "import.field.file": "File",
  "import.field.commune_code": "Commune code",
  "import.field.village_name": "Village name",
  "import.field.type": "Type",
  "import.field.head_name": "Village head",
  "import.field.phone": "Phone",
  "import.field.village_code": "Village code",
  "import.field.username": "Username",
  "import.field.full_name": "Full name",
  "import.field.email": "Email",
  "import.field.role": "Role",
};
