//! Embeds every `roles/*.json` file into the binary, sorted by name, so the tool works with
//! no flags and the embedded list always equals the files in `roles/`.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("roles");
    println!("cargo:rerun-if-changed=roles");
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("roles/ directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "schema.json")
        .collect();
    names.sort();
    let mut out = String::from(
        "/// (file name, contents) of every `roles/*.json` file.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        println!("cargo:rerun-if-changed=roles/{name}");
        out.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/roles/{name}\"))),\n"
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_roles.rs");
    fs::write(dest, out).unwrap();
}
