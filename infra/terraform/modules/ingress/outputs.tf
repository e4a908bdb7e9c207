output "url" {
  description = "Public URL of Pluma (PUBLIC_URL)."
  value       = "https://${var.host}"
}
